/*
 * reply.c -- Reply APIs.
 *
 * Replies are encoded straight into the context's buffer in the client's
 * protocol (RESP2 or RESP3); capi copies the buffer to the client once the
 * callback returns, so building a reply never crosses into Go. Postponed
 * aggregate lengths are remembered as offsets and the header is spliced in
 * when ReplySet*Length arrives, innermost first.
 */
#include "core.h"
#include <math.h>
#include <stdio.h>

void mh_reply_raw(RedisModuleCtx *ctx, const char *p, size_t n) { mh_buf_append(&ctx->reply, p, n); }

/* Contexts without a client to answer (thread-safe contexts without a
 * blocked client, timer callbacks) drop replies, as Redis does. */
static int mh_no_reply(RedisModuleCtx *ctx) { return ctx == NULL || (ctx->client == 0 && !(ctx->flags & MH_CTX_TEMP_CLIENT)); }

/* Writes "<prefix><n>\r\n". Digits are produced by hand: snprintf cost
 * most of ReplyWithLongLong's time in `make bench`. */
static void mh_reply_line(RedisModuleCtx *ctx, char prefix, long long n) {
    char buf[32];
    char *end = buf + sizeof(buf);
    char *p = end;
    *--p = '\n';
    *--p = '\r';
    unsigned long long v = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (n < 0) *--p = '-';
    *--p = prefix;
    mh_buf_append(&ctx->reply, p, (size_t)(end - p));
}

static void mh_reply_bulk(RedisModuleCtx *ctx, const char *p, size_t n) {
    mh_reply_line(ctx, '$', (long long)n);
    mh_buf_grow(&ctx->reply, n + 2);
    memcpy(ctx->reply.data + ctx->reply.len, p, n);
    ctx->reply.len += n;
    ctx->reply.data[ctx->reply.len++] = '\r';
    ctx->reply.data[ctx->reply.len++] = '\n';
}

/* Writes "-<msg>" (adding "ERR " when msg has no code prefix is the
 * caller's business: modules pass the code themselves), with CR/LF turned
 * into spaces so the protocol stays intact. */
static void mh_reply_error(RedisModuleCtx *ctx, const char *msg, size_t n) {
    mh_buf_grow(&ctx->reply, n + 3);
    char *d = ctx->reply.data + ctx->reply.len;
    *d++ = '-';
    for (size_t i = 0; i < n; i++) {
        char c = msg[i];
        *d++ = (c == '\r' || c == '\n') ? ' ' : c;
    }
    *d++ = '\r';
    *d++ = '\n';
    ctx->reply.len += n + 3;
}

/* Opens an aggregate: a known length writes the header now, POSTPONED
 * remembers where it goes. kind is the RESP3 type byte. */
static void mh_reply_aggregate(RedisModuleCtx *ctx, char kind, long len) {
    if (len == REDISMODULE_POSTPONED_LEN) {
        if (ctx->npostponed == ctx->postponed_cap) {
            ctx->postponed_cap = ctx->postponed_cap ? ctx->postponed_cap * 2 : 8;
            ctx->postponed = realloc(ctx->postponed, sizeof(mh_postponed) * (size_t)ctx->postponed_cap);
            if (!ctx->postponed) abort();
        }
        ctx->postponed[ctx->npostponed].off = ctx->reply.len;
        ctx->postponed[ctx->npostponed].kind = kind;
        ctx->npostponed++;
        return;
    }
    if (ctx->resp == 2) {
        if (kind == '%') len *= 2;
        kind = '*';
    }
    mh_reply_line(ctx, kind, len);
}

/* Closes the innermost postponed aggregate of the given kind. */
static void mh_reply_set_len(RedisModuleCtx *ctx, char kind, long len) {
    for (int i = ctx->npostponed - 1; i >= 0; i--) {
        if (ctx->postponed[i].kind != kind) continue;
        size_t off = ctx->postponed[i].off;
        memmove(&ctx->postponed[i], &ctx->postponed[i + 1], sizeof(mh_postponed) * (size_t)(ctx->npostponed - i - 1));
        ctx->npostponed--;
        char hdr[32];
        char k = kind;
        if (ctx->resp == 2) {
            if (kind == '%') len *= 2;
            k = '*';
        }
        int n = snprintf(hdr, sizeof(hdr), "%c%ld\r\n", k, len);
        mh_buf_grow(&ctx->reply, (size_t)n);
        memmove(ctx->reply.data + off + n, ctx->reply.data + off, ctx->reply.len - off);
        memcpy(ctx->reply.data + off, hdr, (size_t)n);
        ctx->reply.len += (size_t)n;
        /* Offsets of aggregates opened after this one moved too. */
        for (int j = i; j < ctx->npostponed; j++) ctx->postponed[j].off += (size_t)n;
        return;
    }
}

/* Replies with Redis's arity error naming the current command.
 * Context: a command context. Crossing: none. */
static int RM_WrongArity(RedisModuleCtx *ctx) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    char buf[512];
    int n = snprintf(buf, sizeof(buf), "ERR wrong number of arguments for '%s' command", ctx->cmdname ? ctx->cmdname : "");
    if (n >= (int)sizeof(buf)) n = sizeof(buf) - 1;
    mh_reply_error(ctx, buf, (size_t)n);
    return REDISMODULE_OK;
}

/* Replies with an integer. Always REDISMODULE_OK.
 * Context: a context with a reply target. Crossing: none. */
static int RM_ReplyWithLongLong(RedisModuleCtx *ctx, long long ll) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_line(ctx, ':', ll);
    return REDISMODULE_OK;
}

/* Replies with the error err, written as "-<err>": the module supplies the
 * code ("ERR ...", "WRONGTYPE ..."). Context: reply target. Crossing: none. */
static int RM_ReplyWithError(RedisModuleCtx *ctx, const char *err) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_error(ctx, err, strlen(err));
    return REDISMODULE_OK;
}

/* Like ReplyWithError with a printf format.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithErrorFormat(RedisModuleCtx *ctx, const char *fmt, ...) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof(small)) {
        mh_reply_error(ctx, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big) abort();
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        mh_reply_error(ctx, big, (size_t)n);
        free(big);
    }
    va_end(ap2);
    return REDISMODULE_OK;
}

/* Replies with a status string (+msg). Context: reply target. Crossing: none. */
static int RM_ReplyWithSimpleString(RedisModuleCtx *ctx, const char *msg) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    size_t n = strlen(msg);
    mh_buf_grow(&ctx->reply, n + 3);
    char *d = ctx->reply.data + ctx->reply.len;
    *d++ = '+';
    for (size_t i = 0; i < n; i++) *d++ = (msg[i] == '\r' || msg[i] == '\n') ? ' ' : msg[i];
    *d++ = '\r';
    *d++ = '\n';
    ctx->reply.len += n + 3;
    return REDISMODULE_OK;
}

/* Opens an array of len elements, or REDISMODULE_POSTPONED_LEN to give the
 * length later with ReplySetArrayLength. Context: reply target. Crossing: none. */
static int RM_ReplyWithArray(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_aggregate(ctx, '*', len);
    return REDISMODULE_OK;
}

/* Opens a map of len pairs (an array of 2*len in RESP2); POSTPONED works
 * as for arrays. Context: reply target. Crossing: none. */
static int RM_ReplyWithMap(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_aggregate(ctx, '%', len);
    return REDISMODULE_OK;
}

/* Opens a set of len elements (an array in RESP2).
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithSet(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_aggregate(ctx, '~', len);
    return REDISMODULE_OK;
}

/* Opens an attribute of len pairs; RESP3 only, so a RESP2 client makes it
 * return REDISMODULE_ERR. Context: reply target. Crossing: none. */
static int RM_ReplyWithAttribute(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) return REDISMODULE_ERR;
    mh_reply_aggregate(ctx, '|', len);
    return REDISMODULE_OK;
}

/* Replies with the null array (*-1 in RESP2, _ in RESP3).
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithNullArray(RedisModuleCtx *ctx) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) mh_reply_raw(ctx, "*-1\r\n", 5);
    else mh_reply_raw(ctx, "_\r\n", 3);
    return REDISMODULE_OK;
}

/* Replies with an empty array. Context: reply target. Crossing: none. */
static int RM_ReplyWithEmptyArray(RedisModuleCtx *ctx) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_raw(ctx, "*0\r\n", 4);
    return REDISMODULE_OK;
}

/* Sets the length of the innermost postponed array.
 * Context: reply target. Crossing: none. */
static void RM_ReplySetArrayLength(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return;
    mh_reply_set_len(ctx, '*', len);
}

/* Sets the pair count of the innermost postponed map.
 * Context: reply target. Crossing: none. */
static void RM_ReplySetMapLength(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return;
    mh_reply_set_len(ctx, '%', len);
}

/* Sets the length of the innermost postponed set.
 * Context: reply target. Crossing: none. */
static void RM_ReplySetSetLength(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx)) return;
    mh_reply_set_len(ctx, '~', len);
}

/* Sets the pair count of the innermost postponed attribute.
 * Context: reply target. Crossing: none. */
static void RM_ReplySetAttributeLength(RedisModuleCtx *ctx, long len) {
    if (mh_no_reply(ctx) || ctx->resp == 2) return;
    mh_reply_set_len(ctx, '|', len);
}

/* Replies with a bulk string of len bytes from buf.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithStringBuffer(RedisModuleCtx *ctx, const char *buf, size_t len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_bulk(ctx, buf, len);
    return REDISMODULE_OK;
}

/* Replies with a bulk string from a C string.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithCString(RedisModuleCtx *ctx, const char *buf) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_bulk(ctx, buf, strlen(buf));
    return REDISMODULE_OK;
}

/* Replies with a RedisModuleString as a bulk string.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithString(RedisModuleCtx *ctx, RedisModuleString *str) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_bulk(ctx, str->ptr, str->len);
    return REDISMODULE_OK;
}

/* Replies with an empty bulk string. Context: reply target. Crossing: none. */
static int RM_ReplyWithEmptyString(RedisModuleCtx *ctx) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    mh_reply_raw(ctx, "$0\r\n\r\n", 6);
    return REDISMODULE_OK;
}

/* Replies with a verbatim string of the given 3-letter type (RESP3), or a
 * plain bulk string (RESP2). Context: reply target. Crossing: none. */
static int RM_ReplyWithVerbatimStringType(RedisModuleCtx *ctx, const char *buf, size_t len, const char *ext) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) {
        mh_reply_bulk(ctx, buf, len);
        return REDISMODULE_OK;
    }
    mh_reply_line(ctx, '=', (long long)len + 4);
    char type[4] = {' ', ' ', ' ', ':'};
    for (int i = 0; i < 3 && ext[i]; i++) type[i] = ext[i];
    mh_reply_raw(ctx, type, 4);
    mh_reply_raw(ctx, buf, len);
    mh_reply_raw(ctx, "\r\n", 2);
    return REDISMODULE_OK;
}

/* Replies with a verbatim string of type "txt".
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithVerbatimString(RedisModuleCtx *ctx, const char *buf, size_t len) {
    return RM_ReplyWithVerbatimStringType(ctx, buf, len, "txt");
}

/* Replies with null ($-1 in RESP2, _ in RESP3).
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithNull(RedisModuleCtx *ctx) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) mh_reply_raw(ctx, "$-1\r\n", 5);
    else mh_reply_raw(ctx, "_\r\n", 3);
    return REDISMODULE_OK;
}

/* Replies with a boolean (#t/#f in RESP3, :1/:0 in RESP2).
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithBool(RedisModuleCtx *ctx, int b) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) mh_reply_raw(ctx, b ? ":1\r\n" : ":0\r\n", 4);
    else mh_reply_raw(ctx, b ? "#t\r\n" : "#f\r\n", 4);
    return REDISMODULE_OK;
}

/* Replies with a double: a bulk string formatted %.17g in RESP2, a RESP3
 * double otherwise; inf, -inf and nan spelled out.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithDouble(RedisModuleCtx *ctx, double d) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    char buf[64];
    int n;
    if (isinf(d)) n = snprintf(buf, sizeof(buf), "%s", d > 0 ? "inf" : "-inf");
    else if (isnan(d)) n = snprintf(buf, sizeof(buf), "nan"); /* not libc's "-nan" */
    else n = snprintf(buf, sizeof(buf), "%.17g", d);
    if (ctx->resp == 2) {
        mh_reply_bulk(ctx, buf, (size_t)n);
    } else {
        mh_reply_raw(ctx, ",", 1);
        mh_reply_raw(ctx, buf, (size_t)n);
        mh_reply_raw(ctx, "\r\n", 2);
    }
    return REDISMODULE_OK;
}

/* Replies with a big number given as decimal text (a bulk string in RESP2).
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithBigNumber(RedisModuleCtx *ctx, const char *bignum, size_t len) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    if (ctx->resp == 2) {
        mh_reply_bulk(ctx, bignum, len);
    } else {
        mh_reply_raw(ctx, "(", 1);
        mh_reply_raw(ctx, bignum, len);
        mh_reply_raw(ctx, "\r\n", 2);
    }
    return REDISMODULE_OK;
}

int mh_ld2str_human(char *buf, size_t len, long double v);

/* Replies with a long double in human-friendly fixed notation (a bulk
 * string in RESP2, a RESP3 double otherwise). Context: reply target.
 * Crossing: none. */
static int RM_ReplyWithLongDouble(RedisModuleCtx *ctx, long double ld) {
    if (mh_no_reply(ctx)) return REDISMODULE_OK;
    char buf[5 * 1024];
    int n = mh_ld2str_human(buf, sizeof(buf), ld);
    if (ctx->resp == 2) {
        mh_reply_bulk(ctx, buf, (size_t)n);
    } else {
        mh_reply_raw(ctx, ",", 1);
        mh_reply_raw(ctx, buf, (size_t)n);
        mh_reply_raw(ctx, "\r\n", 2);
    }
    return REDISMODULE_OK;
}
