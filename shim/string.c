/*
 * string.c -- RedisModuleString.
 *
 * A string is one allocation: a header, then the bytes and a NUL, unless it
 * grew by StringAppendBuffer, when the bytes move to a block of their own.
 * Strings are reference counted (RetainString/HoldString add a reference,
 * FreeString drops one). Nothing here crosses into Go.
 */
#include "core.h"
#include <math.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <limits.h>

/* Room for any long double in fixed notation (Redis uses 5k too). */
#define MH_LD_CHARS (5*1024)

RedisModuleString *mh_string_new(const char *p, size_t len) {
    RedisModuleString *s = mh_alloc(sizeof(*s) + len + 1);
    s->refcount = 1;
    s->len = len;
    s->ptr = s->inline_data;
    if (len) memcpy(s->ptr, p, len);
    s->ptr[len] = '\0';
    return s;
}

void mh_string_release(RedisModuleString *s) {
    if (!s) return;
    if (--s->refcount > 0) return;
    if (s->ptr != s->inline_data) mh_free(s->ptr);
    mh_free(s);
}

/* Strings made with a context join its auto-memory pool when enabled. */
static RedisModuleString *mh_string_track(RedisModuleCtx *ctx, RedisModuleString *s) {
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_STRING, s);
    return s;
}

/* Formats a long long the way Redis's ll2string does. */
static int mh_ll2str(char *buf, size_t n, long long v) { return snprintf(buf, n, "%lld", v); }

/* Parses a whole buffer as a signed 64-bit integer with Redis's strict
 * rules: no spaces, no '+', no leading zeros. */
int mh_str2ll(const char *s, size_t len, long long *out) {
    if (len == 0 || len > 20) return 0;
    if (len == 1 && s[0] == '0') { if (out) *out = 0; return 1; }
    size_t i = 0;
    int neg = 0;
    if (s[0] == '-') { neg = 1; i++; if (i == len) return 0; }
    if (s[i] < '1' || s[i] > '9') return 0;
    unsigned long long v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        if (v > (ULLONG_MAX / 10)) return 0;
        v *= 10;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > ULLONG_MAX - d) return 0;
        v += d;
    }
    if (neg) {
        if (v > ((unsigned long long)LLONG_MAX) + 1) return 0;
        if (out) *out = (long long)(0ULL - v);
    } else {
        if (v > LLONG_MAX) return 0;
        if (out) *out = (long long)v;
    }
    return 1;
}

/* Parses a double like Redis's string2d: the whole buffer, no leading
 * space, and NaN refused. */
int mh_str2d(const char *s, size_t len, double *out) {
    char buf[MH_LD_CHARS];
    if (len == 0 || len >= sizeof(buf)) return 0;
    if (isspace((unsigned char)s[0])) return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if ((size_t)(end - buf) != len || isnan(v)) return 0;
    if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL || fpclassify(v) == FP_ZERO)) return 0;
    if (out) *out = v;
    return 1;
}

/* Returns a new string holding a copy of len bytes from ptr.
 * Context: any (ctx may be NULL; with auto memory on, freed at return).
 * Crossing: none. */
static RedisModuleString *RM_CreateString(RedisModuleCtx *ctx, const char *ptr, size_t len) {
    return mh_string_track(ctx, mh_string_new(ptr, len));
}

/* Returns a new string holding the decimal text of ll.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromLongLong(RedisModuleCtx *ctx, long long ll) {
    char buf[32];
    int n = mh_ll2str(buf, sizeof(buf), ll);
    return RM_CreateString(ctx, buf, (size_t)n);
}

/* Returns a new string holding the decimal text of ull.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromULongLong(RedisModuleCtx *ctx, unsigned long long ull) {
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%llu", ull);
    return RM_CreateString(ctx, buf, (size_t)n);
}

/* Returns a new string holding d formatted with %.17g.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromDouble(RedisModuleCtx *ctx, double d) {
    char buf[64];
    int n = snprintf(buf, sizeof(buf), "%.17g", d);
    return RM_CreateString(ctx, buf, (size_t)n);
}

/* Formats a long double as Redis's ld2string does: humanfriendly gives
 * fixed notation without trailing zeros, otherwise %.17Lg; inf/-inf are
 * spelled out. */
static int mh_ld2str(char *buf, size_t len, long double v, int humanfriendly) {
    if (isinf(v)) {
        if (v > 0) { memcpy(buf, "inf", 4); return 3; }
        memcpy(buf, "-inf", 5); return 4;
    }
    int n;
    if (humanfriendly) {
        n = snprintf(buf, len, "%.17Lf", v);
        if (n < 0 || (size_t)n >= len) return 0;
        if (strchr(buf, '.')) {
            char *p = buf + n - 1;
            while (*p == '0') { p--; n--; }
            if (*p == '.') n--;
            buf[n] = '\0';
        }
        if (n == 2 && buf[0] == '-' && buf[1] == '0') { buf[0] = '0'; buf[1] = '\0'; n = 1; }
    } else {
        n = snprintf(buf, len, "%.17Lg", v);
        if (n < 0 || (size_t)n >= len) return 0;
    }
    return n;
}

/* Returns a new string holding ld (fixed notation when humanfriendly).
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromLongDouble(RedisModuleCtx *ctx, long double ld, int humanfriendly) {
    char buf[MH_LD_CHARS];
    int n = mh_ld2str(buf, sizeof(buf), ld, humanfriendly);
    return RM_CreateString(ctx, buf, (size_t)n);
}

/* Returns an independent copy of str.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromString(RedisModuleCtx *ctx, const RedisModuleString *str) {
    return RM_CreateString(ctx, str->ptr, str->len);
}

/* Returns "<ms>-<seq>" for a stream id.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromStreamID(RedisModuleCtx *ctx, const RedisModuleStreamID *id) {
    char buf[64];
    int n = snprintf(buf, sizeof(buf), "%llu-%llu", (unsigned long long)id->ms, (unsigned long long)id->seq);
    return RM_CreateString(ctx, buf, (size_t)n);
}

/* Drops one reference; the string is freed when none remain. With auto
 * memory, the pool forgets it too. Context: any. Crossing: none. */
static void RM_FreeString(RedisModuleCtx *ctx, RedisModuleString *str) {
    if (!str) return;
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_forget(ctx, str);
    mh_string_release(str);
}

/* Adds a reference so the string survives the callback (or auto memory).
 * With auto memory on, the pool's reference is handed to the caller
 * instead, as Redis does. Context: any. Crossing: none. */
static void RM_RetainString(RedisModuleCtx *ctx, RedisModuleString *str) {
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) {
        int found = 0;
        for (int i = 0; i < ctx->amlen; i++) {
            if (ctx->am[i].type == MH_AM_STRING && ctx->am[i].ptr == str) {
                ctx->am[i].type = 0;
                found = 1;
                break;
            }
        }
        if (found) return;
    }
    str->refcount++;
}

/* Like RetainString but returns the string to keep (Redis may copy; we
 * add a reference). Context: any. Crossing: none. */
static RedisModuleString *RM_HoldString(RedisModuleCtx *ctx, RedisModuleString *str) {
    if (!str) return NULL;
    RM_RetainString(ctx, str);
    return str;
}

/* Returns the bytes of a string (NUL-terminated) and stores its length in
 * *len when len is not NULL. A NULL string gives "(NULL string reply
 * referenced in module)" as Redis does. Context: any. Crossing: none. */
static const char *RM_StringPtrLen(const RedisModuleString *str, size_t *len) {
    if (str == NULL) {
        static const char errmsg[] = "(NULL string reply referenced in module)";
        if (len) *len = sizeof(errmsg) - 1;
        return errmsg;
    }
    if (len) *len = str->len;
    return str->ptr;
}

/* Parses the whole string as a signed 64-bit integer.
 * Returns REDISMODULE_OK, or REDISMODULE_ERR when it is not one.
 * Context: any. Crossing: none. */
static int RM_StringToLongLong(const RedisModuleString *str, long long *ll) {
    return mh_str2ll(str->ptr, str->len, ll) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* Parses the whole string as an unsigned 64-bit integer.
 * Context: any. Crossing: none. */
static int RM_StringToULongLong(const RedisModuleString *str, unsigned long long *ull) {
    long long ll;
    if (mh_str2ll(str->ptr, str->len, &ll)) {
        if (ll < 0) return REDISMODULE_ERR;
        *ull = (unsigned long long)ll;
        return REDISMODULE_OK;
    }
    /* Like Redis, fall back to strtoull, with its leading spaces and sign. */
    if (str->len == 0 || strlen(str->ptr) != str->len) return REDISMODULE_ERR;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(str->ptr, &end, 10);
    if (errno == EINVAL || errno == ERANGE || *end != '\0') return REDISMODULE_ERR;
    *ull = v;
    return REDISMODULE_OK;
}

/* Parses the whole string as a double (NaN refused).
 * Context: any. Crossing: none. */
static int RM_StringToDouble(const RedisModuleString *str, double *d) {
    return mh_str2d(str->ptr, str->len, d) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* Parses the whole string as a long double (NaN refused).
 * Context: any. Crossing: none. */
static int RM_StringToLongDouble(const RedisModuleString *str, long double *d) {
    char buf[MH_LD_CHARS];
    if (str->len == 0 || str->len >= sizeof(buf) || isspace((unsigned char)str->ptr[0])) return REDISMODULE_ERR;
    memcpy(buf, str->ptr, str->len);
    buf[str->len] = '\0';
    char *end;
    errno = 0;
    long double v = strtold(buf, &end);
    if ((size_t)(end - buf) != str->len || isnan(v) || errno == ERANGE) return REDISMODULE_ERR;
    *d = v;
    return REDISMODULE_OK;
}

/* Parses "<ms>-<seq>" or "<ms>" (seq 0); also "-" and "+" as the smallest
 * and largest ids. Context: any. Crossing: none. */
static int RM_StringToStreamID(const RedisModuleString *str, RedisModuleStreamID *id) {
    const char *s = str->ptr;
    size_t len = str->len;
    if (len == 1 && s[0] == '-') { id->ms = 0; id->seq = 0; return REDISMODULE_OK; }
    if (len == 1 && s[0] == '+') { id->ms = UINT64_MAX; id->seq = UINT64_MAX; return REDISMODULE_OK; }
    const char *dash = memchr(s, '-', len);
    RedisModuleString tmp;
    unsigned long long ms, seq = 0;
    size_t mlen = dash ? (size_t)(dash - s) : len;
    tmp.ptr = (char *)s; tmp.len = mlen;
    if (RM_StringToULongLong(&tmp, &ms) != REDISMODULE_OK) return REDISMODULE_ERR;
    if (dash) {
        tmp.ptr = (char *)dash + 1; tmp.len = len - mlen - 1;
        if (RM_StringToULongLong(&tmp, &seq) != REDISMODULE_OK) return REDISMODULE_ERR;
    }
    id->ms = ms;
    id->seq = seq;
    return REDISMODULE_OK;
}

/* Compares two strings byte-wise (memcmp, then length), like Redis's
 * compareStringObjects in binary mode. Context: any. Crossing: none. */
static int RM_StringCompare(const RedisModuleString *a, const RedisModuleString *b) {
    size_t min = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->ptr, b->ptr, min);
    if (c) return c;
    if (a->len == b->len) return 0;
    return a->len < b->len ? -1 : 1;
}

/* Appends len bytes to a string the caller owns alone.
 * Returns REDISMODULE_ERR when the string is shared (refcount > 1).
 * Context: any. Crossing: none. */
static int RM_StringAppendBuffer(RedisModuleCtx *ctx, RedisModuleString *str, const char *buf, size_t len) {
    (void)ctx;
    if (str->refcount > 1) return REDISMODULE_ERR;
    if (str->ptr == str->inline_data) {
        char *p = mh_alloc(str->len + len + 1);
        memcpy(p, str->ptr, str->len);
        str->ptr = p;
    } else {
        str->ptr = mh_realloc(str->ptr, str->len + len + 1);
    }
    memcpy(str->ptr + str->len, buf, len);
    str->len += len;
    str->ptr[str->len] = '\0';
    return REDISMODULE_OK;
}

/* Gives back spare capacity; ours never over-allocates, so nothing to do.
 * Context: any. Crossing: none. */
static void RM_TrimStringAllocation(RedisModuleString *str) { (void)str; }

/* Returns a new string formatted with printf rules.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringPrintf(RedisModuleCtx *ctx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    RedisModuleString *s;
    if (n < 0) n = 0;
    if ((size_t)n < sizeof(small)) {
        s = mh_string_new(small, (size_t)n);
    } else {
        s = mh_alloc(sizeof(*s) + (size_t)n + 1);
        s->refcount = 1;
        s->len = (size_t)n;
        s->ptr = s->inline_data;
        vsnprintf(s->ptr, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    return mh_string_track(ctx, s);
}

/* Human-friendly long double text, shared with ReplyWithLongDouble. */
int mh_ld2str_human(char *buf, size_t len, long double v) { return mh_ld2str(buf, len, v, 1); }
