/*
 * sha1.h -- a small SHA-1 (FIPS 180-4) for module digests, which Redis
 * defines in terms of SHA-1 so DEBUG DIGEST agrees across servers.
 */
#ifndef MH_SHA1_H
#define MH_SHA1_H
#include <stdint.h>
#include <string.h>

typedef struct {
    uint32_t h[5];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} mh_sha1_t;

static inline uint32_t mh_rol(uint32_t v, int n) { return (v << n) | (v >> (32 - n)); }

static void mh_sha1_block(mh_sha1_t *s, const unsigned char *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = mh_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
        else { f = b ^ c ^ d; k = 0xCA62C1D6; }
        uint32_t t = mh_rol(a, 5) + f + e + k + w[i];
        e = d; d = c; c = mh_rol(b, 30); b = a; a = t;
    }
    s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}

static void mh_sha1_init(mh_sha1_t *s) {
    s->h[0] = 0x67452301; s->h[1] = 0xEFCDAB89; s->h[2] = 0x98BADCFE;
    s->h[3] = 0x10325476; s->h[4] = 0xC3D2E1F0;
    s->bytes = 0;
    s->used = 0;
}

static void mh_sha1_update(mh_sha1_t *s, const void *data, size_t len) {
    const unsigned char *p = data;
    s->bytes += len;
    while (len) {
        size_t n = 64 - s->used;
        if (n > len) n = len;
        memcpy(s->block + s->used, p, n);
        s->used += n;
        p += n;
        len -= n;
        if (s->used == 64) {
            mh_sha1_block(s, s->block);
            s->used = 0;
        }
    }
}

static void mh_sha1_final(unsigned char out[20], mh_sha1_t *s) {
    uint64_t bits = s->bytes * 8;
    unsigned char pad = 0x80;
    mh_sha1_update(s, &pad, 1);
    unsigned char zero = 0;
    while (s->used != 56) mh_sha1_update(s, &zero, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    mh_sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}
#endif
