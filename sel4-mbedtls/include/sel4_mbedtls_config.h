/* mbedTLS 2.28 configuration for seL4 protection domains: a TLS 1.2 server with ECDHE-ECDSA on
 * P-256, AES-GCM and ChaCha20-Poly1305. Nothing from an operating system: no files, sockets,
 * clock or platform entropy; the random generator (CTR_DRBG) is seeded by a callback the PD
 * provides (virtio-rng). Replaces mbedTLS's config.h through MBEDTLS_CONFIG_FILE. */
#ifndef SEL4_MBEDTLS_CONFIG_H
#define SEL4_MBEDTLS_CONFIG_H

/* System: none of the OS-backed modules. */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_DEPRECATED_REMOVED

/* TLS 1.2, server side only. */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_SRV_C
#define MBEDTLS_SSL_CLI_C /* the host tests' client; not linked into a server that does not call it */
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET
#define MBEDTLS_SSL_ENCRYPT_THEN_MAC
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#define MBEDTLS_SSL_ALPN
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
/* Full-size records in, smaller ones out: about 21 KiB of buffers per connection. */
#define MBEDTLS_SSL_IN_CONTENT_LEN 16384
#define MBEDTLS_SSL_OUT_CONTENT_LEN 4096
#define MBEDTLS_SSL_CIPHERSUITES                                                                   \
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,                                              \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,                                    \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384

/* Certificates and keys (PEM, built into the PD). */
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C

/* Public key: ECDSA and ECDH on P-256 (P-384 for clients that ask). */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECDSA_DETERMINISTIC
#define MBEDTLS_HMAC_DRBG_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM

/* Symmetric ciphers and hashes. */
#define MBEDTLS_CIPHER_C
#define MBEDTLS_AES_C
#define MBEDTLS_GCM_C
#define MBEDTLS_CHACHA20_C
#define MBEDTLS_POLY1305_C
#define MBEDTLS_CHACHAPOLY_C
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA512_C

/* Random numbers: CTR_DRBG seeded and reseeded by the PD's entropy callback. */
#define MBEDTLS_CTR_DRBG_C

/* Errors as text for the PD's log. */
#define MBEDTLS_ERROR_C

#include "mbedtls/check_config.h"

#endif
