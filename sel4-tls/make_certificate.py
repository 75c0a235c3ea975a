#!/usr/bin/env python3
"""Makes the HTTPS server's certificate at build time with openssl: ECDSA P-256, self-signed,
CN localhost, SAN DNS:localhost and IP:127.0.0.1; writes server.crt, server.key, the SPKI hash a
browser can be told to trust (server.spki), and certificate.cpp holding both PEM texts.
Usage: make_certificate.py OUTPUT_DIR"""
import base64
import hashlib
import os
import subprocess
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
crt, key = os.path.join(out, "server.crt"), os.path.join(out, "server.key")
subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key, "-out", crt, "-days", "3650", "-sha256",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
               check=True, capture_output=True)
spki = subprocess.run(["openssl", "x509", "-in", crt, "-noout", "-pubkey"], check=True,
                      capture_output=True).stdout
der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "DER"], input=spki, check=True,
                     capture_output=True).stdout
with open(os.path.join(out, "server.spki"), "w") as f:
    f.write(base64.b64encode(hashlib.sha256(der).digest()).decode() + "\n")
with open(crt) as f:
    crt_text = f.read()
with open(key) as f:
    key_text = f.read()
with open(os.path.join(out, "certificate.cpp.tmp"), "w") as f:
    f.write("// Generated at build time by sel4-tls/make_certificate.py: not a file to commit.\n")
    f.write(f'extern "C" const char sel4_https_certificate[] = R"PEM({crt_text})PEM";\n')
    f.write(f'extern "C" const char sel4_https_key[] = R"PEM({key_text})PEM";\n')
os.replace(os.path.join(out, "certificate.cpp.tmp"), os.path.join(out, "certificate.cpp"))
