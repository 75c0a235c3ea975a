#!/usr/bin/env python3
"""Host side of the HTTP server's boot test: everything the server promises, over the ports QEMU
forwards (SEL4_FORWARD_HTTP, SEL4_FORWARD_HTTPS), with curl and Python; hostile clients; then
the server's own counters (its status page) must be back where they were.
Usage: test_http_server.py --site SITE_TREE --cacert CERT"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import socket
import ssl
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--site", required=True)
parser.add_argument("--cacert", required=True)
parser.add_argument("--screenshots", help="where the browser's screenshots of the index go")
args = parser.parse_args()
HTTP = int(os.environ.get("SEL4_FORWARD_HTTP", "8080"))
HTTPS = int(os.environ.get("SEL4_FORWARD_HTTPS", "8443"))
STATUS = "/.well-known/sel4-server-status"
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


def site_file(path):
    with open(os.path.join(args.site, path.lstrip("/")), "rb") as f:
        return f.read()


def request(method, path, port=HTTP, tls=False, headers=None, host="localhost"):
    if tls:
        context = ssl.create_default_context(cafile=args.cacert)
        conn = http.client.HTTPSConnection(host, port, context=context, timeout=60)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def raw(data, port=HTTP, wait=10.0, close_write=True):
    """Sends bytes on a fresh connection; returns everything received until the server closes
    or `wait` passes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    try:
        if data:
            s.sendall(data)
        if close_write:
            s.shutdown(socket.SHUT_WR)
        out = b""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def status():
    response, body = request("GET", STATUS)
    return json.loads(body)


def wait_for_idle(limit=40):
    """The counters once every connection but the status request's own has gone."""
    deadline = time.monotonic() + limit
    while True:
        s = status()
        if (s["http_open"] <= 1 and s["https_open"] == 0) or time.monotonic() > deadline:
            return s
        time.sleep(1)


def curl(*arguments):
    return subprocess.run(["curl", "-sS", "--max-time", "120", *arguments], capture_output=True)


# Warm up: every kind of answer once, on both ports, so that what stays allocated is allocated.
request("GET", "/")
request("GET", "/docs")
request("GET", "/nothing")
raw(b"junk\r\n\r\n")
request("GET", "/", port=HTTPS, tls=True)
before = wait_for_idle()
print("status before:", before, flush=True)

# Status codes, headers, bodies.
for path in ("/index.html", "/style.css", "/docs/index.html", "/images/logo.svg", "/images/pattern.png"):
    response, body = request("GET", path)
    check(response.status == 200 and body == site_file(path), f"GET {path}: 200, the file's bytes")
types = {"/": "text/html; charset=utf-8", "/style.css": "text/css; charset=utf-8",
         "/images/logo.svg": "image/svg+xml", "/images/pattern.png": "image/png",
         "/files/random.bin": "application/octet-stream"}
for path, kind in types.items():
    response, _ = request("HEAD", path)
    check(response.getheader("Content-Type") == kind, f"HEAD {path}: Content-Type {kind}")
response, body = request("HEAD", "/style.css")
check(response.status == 200 and body == b"" and
      response.getheader("Content-Length") == str(len(site_file("/style.css"))),
      "HEAD: Content-Length of the file, no body")
response, body = request("GET", "/")
check(body == site_file("/index.html"), "GET /: the index")
response, _ = request("GET", "/docs")
check(response.status == 301 and response.getheader("Location") == "/docs/", "GET /docs: 301 to /docs/")
response, body = request("GET", "/docs/")
check(response.status == 200 and body == site_file("/docs/index.html"), "GET /docs/: its index.html")
response, _ = request("GET", "/files/")
check(response.status == 404, "GET /files/ (no index.html): 404")
response, _ = request("GET", "/nothing.html")
check(response.status == 404, "GET /nothing.html: 404")
response, _ = request("POST", "/", headers={"Content-Length": "0"})
check(response.status == 405 and response.getheader("Allow") == "GET, HEAD", "POST: 405, Allow: GET, HEAD")
check(raw(b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n").startswith(b"HTTP/1.1 400"), "malformed: 400")
check(raw(b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 9000 + b"\r\n\r\n").startswith(b"HTTP/1.1 431"),
      "head over 8 KiB: 431")
check(raw(b"GET /" + b"a" * 3000 + b" HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 414"),
      "URI over 2 KiB: 414")
for path in (b"/../index.html", b"/%2e%2e/index.html", b"/docs/%2E%2E/%2e%2e/x", b"/..%2f..%2fetc",
             b"/docs/..\\..\\x", b"/%00", b"/%2e%2e%5c"):
    check(raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 400"),
          f"GET {path.decode()}: 400, never outside the root")
result = curl("--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", f"http://127.0.0.1:{HTTP}/docs/../../x")
check(result.stdout == b"400", "curl --path-as-is /docs/../../x: 400")

# A multi-MiB file, byte for byte, with curl.
result = curl("-o", "-", f"http://127.0.0.1:{HTTP}/files/random.bin")
check(result.returncode == 0 and result.stdout == site_file("/files/random.bin"),
      "curl: the 5 MiB file, byte-identical")

# Keep-alive: several requests on one connection, pipelined ones too.
conn = http.client.HTTPConnection("127.0.0.1", HTTP, timeout=30)
for i in range(5):
    conn.request("GET", "/style.css")
    r = conn.getresponse()
    check(r.status == 200 and r.read() == site_file("/style.css") and r.getheader("Connection") == "keep-alive",
          f"keep-alive request {i + 1} on one connection")
conn.close()
pipelined = raw(b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n" * 3 +
                b"GET /docs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", close_write=False)
check(pipelined.count(b"HTTP/1.1 200 OK") == 3 and pipelined.count(b"HTTP/1.1 301") == 1,
      "pipelined requests: answered in order")

# 32 clients at once, then a 33rd is refused cleanly while they are open.
sockets = [socket.create_connection(("127.0.0.1", HTTP), timeout=30) for _ in range(32)]
time.sleep(1)
extra = raw(b"", wait=5, close_write=False)
check(extra.startswith(b"HTTP/1.1 503"), "33rd connection while 32 are open: 503")
for s in sockets:
    s.sendall(b"GET /images/logo.svg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
answers = []
for s in sockets:
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    answers.append(data)
    s.close()
check(all(a.startswith(b"HTTP/1.1 200") and a.endswith(site_file("/images/logo.svg")) for a in answers),
      "32 clients at once: every one answered")


def fetch_big(_):
    return curl("-o", "-", f"http://127.0.0.1:{HTTP}/images/pattern.png").stdout


with concurrent.futures.ThreadPoolExecutor(32) as pool:
    results = list(pool.map(fetch_big, range(32)))
check(all(r == site_file("/images/pattern.png") for r in results), "32 concurrent curl downloads, identical")

# HTTPS: the build's certificate, by name and by address.
for host in ("localhost", "127.0.0.1"):
    result = curl("--cacert", args.cacert, "-o", "-", f"https://{host}:{HTTPS}/")
    check(result.returncode == 0 and result.stdout == site_file("/index.html"),
          f"curl --cacert https://{host}: the index")
context = ssl.create_default_context(cafile=args.cacert)
with socket.create_connection(("127.0.0.1", HTTPS), timeout=30) as s:
    with context.wrap_socket(s, server_hostname="localhost") as t:
        check(t.version() == "TLSv1.2", f"TLS version {t.version()}")
        t.sendall(b"GET /docs/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := t.recv(65536):
            data += chunk
        check(data.endswith(site_file("/docs/index.html")), "HTTPS from Python: /docs/")
try:
    with socket.create_connection(("127.0.0.1", HTTPS), timeout=30) as s:
        context.wrap_socket(s, server_hostname="example.org")
    check(False, "HTTPS with the wrong name: refused by the client")
except ssl.SSLCertVerificationError:
    check(True, "HTTPS with the wrong name: refused by the client")
result = curl("--cacert", args.cacert, "-o", "-", f"https://localhost:{HTTPS}/files/random.bin")
check(result.stdout == site_file("/files/random.bin"), "HTTPS: the 5 MiB file, byte-identical")

# Hostile input: random bytes, truncated requests, TLS garbage, clients that say nothing.
rng = random.Random(13)
for i in range(10):
    raw(rng.randbytes(rng.randrange(1, 20000)), wait=5)
    raw(b"GET /index.html HTTP/1.1\r\nHost: x\r\n"[: rng.randrange(1, 36)], wait=2)
    raw(rng.randbytes(rng.randrange(1, 5000)), port=HTTPS, wait=5)
    raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + rng.randbytes(100), port=HTTPS, wait=5)
silent = [socket.create_connection(("127.0.0.1", port), timeout=40) for port in (HTTP, HTTPS) for _ in range(4)]
start = time.monotonic()
closed = 0
for s in silent:
    try:
        closed += s.recv(1) == b""
    except (socket.timeout, ConnectionResetError):
        closed += 1
    s.close()
check(closed == len(silent), f"clients that say nothing: dropped after {time.monotonic() - start:.0f} s")
response, body = request("GET", "/index.html")
check(response.status == 200 and body == site_file("/index.html"), "after all that: a normal request")



def browser():
    """Headless Chromium loads the site over HTTP and HTTPS (trusting the build's certificate by
    its key), every subresource must load, no console error; screenshots of the index kept."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("skip  browser: no python3-selenium (apt: chromium chromium-driver python3-selenium)")
        return
    if not os.path.exists("/usr/bin/chromium") or not os.path.exists("/usr/bin/chromedriver"):
        print("skip  browser: no chromium or chromium-driver (apt: chromium chromium-driver)")
        return
    spki = subprocess.run(
        "openssl x509 -in {} -noout -pubkey | openssl pkey -pubin -outform DER | "
        "openssl dgst -sha256 -binary | base64".format(args.cacert),
        shell=True, capture_output=True, text=True).stdout.strip()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1100,900", f"--ignore-certificate-errors-spki-list={spki}",
                 "--no-proxy-server"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(120)
        for scheme, port in (("http", HTTP), ("https", HTTPS)):
            driver.get(f"{scheme}://localhost:{port}/")
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus])")
            images = driver.execute_script(
                "return [...document.images].map(i => [i.src, i.complete && i.naturalWidth > 0])")
            background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
            errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            check(len(resources) >= 3 and all(status == 200 for _, status in resources),
                  f"browser over {scheme}: every subresource 200 ({len(resources)})")
            check(images and all(ok for _, ok in images), f"browser over {scheme}: every image shown")
            check(background == "rgb(251, 250, 247)", f"browser over {scheme}: the stylesheet applied")
            check(not errors, f"browser over {scheme}: no console error {errors}")
            driver.get(f"{scheme}://localhost:{port}/docs")
            check(driver.current_url == f"{scheme}://localhost:{port}/docs/" and
                  "How it is made" in driver.title, f"browser over {scheme}: /docs redirected to /docs/")
            if args.screenshots:
                driver.get(f"{scheme}://localhost:{port}/")
                os.makedirs(args.screenshots, exist_ok=True)
                shot = os.path.join(args.screenshots, f"index-{scheme}.png")
                driver.save_screenshot(shot)
                print(f"      screenshot: {shot}")
    finally:
        driver.quit()


browser()
after = wait_for_idle()
print("status after: ", after, flush=True)
check(after["http_open"] == before["http_open"] and after["https_open"] == before["https_open"],
      "connection counts back where they started")
check(after["heap_in_use"] == before["heap_in_use"],
      f"heap back where it started ({before['heap_in_use']} -> {after['heap_in_use']} bytes)")
check(after.get("heap_blocks") == before.get("heap_blocks"),
      f"heap blocks back where they started ({before.get('heap_blocks')} -> {after.get('heap_blocks')})")
check(after["open_files"] == before["open_files"], "no file left open")

print(f"{len(failures)} failed" if failures else "all passed", flush=True)
sys.exit(1 if failures else 0)
