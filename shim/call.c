/*
 * call.c -- RedisModule_Call and call replies.
 *
 * RM_Call turns its format arguments into one flat buffer and crosses into
 * Go once (goCall), which runs the command on a fake client and hands back
 * the reply as RESP bytes in malloc'd memory. The reply tree is parsed here,
 * in C, so walking it costs no crossings.
 */
#include "core.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "_cgo_export.h"

struct RedisModuleCallReply {
    int type;
    int root;                 /* only roots own memory */
    const char *proto;        /* this element's bytes inside the root buffer */
    size_t protolen;
    const char *str;          /* string, error, verbatim, big number text */
    size_t len;               /* string length, or element count */
    long long ll;
    double d;
    const char *format;       /* verbatim format (3 bytes, not terminated) */
    struct RedisModuleCallReply *elems;   /* maps: key, value, key, value... */
    struct RedisModuleCallReply *attribute;
    int resp3;                /* the proto holds RESP3-only types */
    char *buf;                /* root: the owned proto buffer */
    RedisModuleCtx *ctx;      /* root: auto-memory owner, if any */
    mh_promise *promise;      /* root of a REDISMODULE_REPLY_PROMISE */
};

/* The pending outcome of an RM_Call "K" whose command blocked. Two owners
 * hold it, as in Redis: the promise reply (until FreeCallReply) and the
 * blocked call (until it is answered or aborted); whichever lets go last
 * frees it. Only touched under the execution lock. */
struct mh_promise {
    int refs;
    RedisModuleOnUnblocked on_unblocked;
    void *private_data;
    mh_module *module;
    int pending;               /* the blocked call has not ended yet */
};

mh_promise *mh_promise_new(mh_module *m) {
    mh_promise *p = calloc(1, sizeof(*p));
    if (!p) abort();
    p->refs = 2;
    p->module = m;
    p->pending = 1;
    return p;
}

RedisModuleCallReply *mh_callreply_new(RedisModuleCtx *ctx, char *buf, size_t len);

static void mh_promise_unref(mh_promise *p) {
    if (--p->refs == 0) free(p);
}

/* Go calls this when the blocked call ended: hands its reply (buf, len;
 * malloc'd, taken over) to the unblock handler, if one was set, in a
 * context of the module bound to client and db, then drops the call's
 * reference. */
void mh_promise_unblocked(mh_promise *p, uint64_t client, int db, char *buf, size_t len) {
    p->pending = 0;
    if (p->on_unblocked) {
        RedisModuleCtx *ctx = mh_ctx_new(p->module, client, 2, MH_CTX_TEMP_CLIENT);
        ctx->selected_db = db;
        RedisModuleCallReply *reply = mh_callreply_new(NULL, buf, len);
        mh_module *prev = mh_current_module;
        mh_current_module = p->module;
        if (p->module) p->module->in_call++;
        p->on_unblocked(ctx, reply, p->private_data);
        if (p->module) p->module->in_call--;
        mh_current_module = prev;
        mh_ctx_free(ctx);
    } else {
        free(buf);
    }
    mh_promise_unref(p);
}

static const char *mh_parse(RedisModuleCallReply *r, const char *p, const char *end, int *resp3);

static long long mh_parse_ll(const char *p, const char *end, const char **next) {
    long long v = 0;
    int neg = 0;
    if (p < end && *p == '-') { neg = 1; p++; }
    while (p < end && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
    while (p < end && *p != '\n') p++;
    *next = p < end ? p + 1 : end;
    return neg ? -v : v;
}

static const char *mh_line_end(const char *p, const char *end) {
    const char *q = p;
    while (q + 1 < end && !(q[0] == '\r' && q[1] == '\n')) q++;
    return q;
}

static const char *mh_parse_aggregate(RedisModuleCallReply *r, const char *p, const char *end, size_t n, int *resp3) {
    r->len = n;
    if (n == 0) return p;
    r->elems = calloc(n, sizeof(*r->elems));
    if (!r->elems) abort();
    for (size_t i = 0; i < n; i++) p = mh_parse(&r->elems[i], p, end, resp3);
    return p;
}

/* Parses one reply element starting at p. */
static const char *mh_parse(RedisModuleCallReply *r, const char *p, const char *end, int *resp3) {
    const char *start = p;
    memset(r, 0, sizeof(*r));
    if (p >= end) { r->type = REDISMODULE_REPLY_UNKNOWN; return end; }
    char t = *p++;
    const char *le;
    long long n;
    switch (t) {
    case '+':
    case '-':
        le = mh_line_end(p, end);
        r->type = t == '+' ? REDISMODULE_REPLY_STRING : REDISMODULE_REPLY_ERROR;
        r->str = p;
        r->len = (size_t)(le - p);
        p = le + 2;
        break;
    case ':':
        r->type = REDISMODULE_REPLY_INTEGER;
        r->ll = mh_parse_ll(p, end, &p);
        break;
    case '$':
        n = mh_parse_ll(p, end, &p);
        if (n < 0) { r->type = REDISMODULE_REPLY_NULL; break; }
        r->type = REDISMODULE_REPLY_STRING;
        r->str = p;
        r->len = (size_t)n;
        p += n + 2;
        break;
    case '*':
        n = mh_parse_ll(p, end, &p);
        if (n < 0) { r->type = REDISMODULE_REPLY_NULL; break; }
        r->type = REDISMODULE_REPLY_ARRAY;
        p = mh_parse_aggregate(r, p, end, (size_t)n, resp3);
        break;
    case '~':
        *resp3 = 1;
        n = mh_parse_ll(p, end, &p);
        r->type = REDISMODULE_REPLY_SET;
        p = mh_parse_aggregate(r, p, end, (size_t)n, resp3);
        break;
    case '%':
        *resp3 = 1;
        n = mh_parse_ll(p, end, &p);
        r->type = REDISMODULE_REPLY_MAP;
        p = mh_parse_aggregate(r, p, end, (size_t)n * 2, resp3);
        r->len = (size_t)n;
        break;
    case '|': {
        *resp3 = 1;
        n = mh_parse_ll(p, end, &p);
        RedisModuleCallReply *attr = calloc(1, sizeof(*attr));
        if (!attr) abort();
        attr->type = REDISMODULE_REPLY_ATTRIBUTE;
        p = mh_parse_aggregate(attr, p, end, (size_t)n * 2, resp3);
        attr->len = (size_t)n;
        attr->proto = start;
        attr->protolen = (size_t)(p - start);
        p = mh_parse(r, p, end, resp3);
        r->attribute = attr;
        r->proto = start;
        r->protolen = (size_t)(p - start);
        return p;
    }
    case '_':
        *resp3 = 1;
        r->type = REDISMODULE_REPLY_NULL;
        p = mh_line_end(p, end) + 2;
        break;
    case '#':
        *resp3 = 1;
        r->type = REDISMODULE_REPLY_BOOL;
        r->ll = (p < end && *p == 't');
        p = mh_line_end(p, end) + 2;
        break;
    case ',': {
        *resp3 = 1;
        le = mh_line_end(p, end);
        char tmp[128];
        size_t l = (size_t)(le - p) < sizeof(tmp) - 1 ? (size_t)(le - p) : sizeof(tmp) - 1;
        memcpy(tmp, p, l);
        tmp[l] = '\0';
        r->type = REDISMODULE_REPLY_DOUBLE;
        r->d = strtod(tmp, NULL);
        r->str = p;
        r->len = l;
        p = le + 2;
        break;
    }
    case '(':
        *resp3 = 1;
        le = mh_line_end(p, end);
        r->type = REDISMODULE_REPLY_BIG_NUMBER;
        r->str = p;
        r->len = (size_t)(le - p);
        p = le + 2;
        break;
    case '=':
        *resp3 = 1;
        n = mh_parse_ll(p, end, &p);
        r->type = REDISMODULE_REPLY_VERBATIM_STRING;
        r->format = p;
        r->str = p + 4;
        r->len = n >= 4 ? (size_t)n - 4 : 0;
        p += n + 2;
        break;
    default:
        r->type = REDISMODULE_REPLY_UNKNOWN;
        p = end;
    }
    if (p > end) p = end;
    r->proto = start;
    r->protolen = (size_t)(p - start);
    return p;
}

/* Builds a root reply that owns buf (malloc'd, len bytes). */
RedisModuleCallReply *mh_callreply_new(RedisModuleCtx *ctx, char *buf, size_t len) {
    RedisModuleCallReply *r = calloc(1, sizeof(*r));
    if (!r) abort();
    int resp3 = 0;
    mh_parse(r, buf, buf + len, &resp3);
    r->root = 1;
    r->buf = buf;
    r->resp3 = resp3;
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) {
        r->ctx = ctx;
        mh_am_add(ctx, MH_AM_REPLY, r);
    }
    return r;
}

static void mh_callreply_free_children(RedisModuleCallReply *r) {
    size_t n = r->len;
    if (r->type == REDISMODULE_REPLY_MAP || r->type == REDISMODULE_REPLY_ATTRIBUTE) n *= 2;
    if (r->elems) {
        for (size_t i = 0; i < n; i++) mh_callreply_free_children(&r->elems[i]);
        free(r->elems);
        r->elems = NULL;
    }
    if (r->attribute) {
        mh_callreply_free_children(r->attribute);
        free(r->attribute);
        r->attribute = NULL;
    }
}

static void mh_callreply_destroy(RedisModuleCallReply *r) {
    if (r->promise) mh_promise_unref(r->promise);
    mh_callreply_free_children(r);
    free(r->buf);
    free(r);
}

void mh_callreply_autofree(void *p) { mh_callreply_destroy(p); }

/* Frees a reply returned by RM_Call; nested elements are owned by their
 * root and ignored. Context: any. Crossing: none. */
static void RM_FreeCallReply(RedisModuleCallReply *reply) {
    if (!reply || !reply->root) return;
    if (reply->ctx) mh_am_forget(reply->ctx, reply);
    mh_callreply_destroy(reply);
}

/* REDISMODULE_REPLY_* type of a reply; NULL gives UNKNOWN.
 * Context: any. Crossing: none. */
static int RM_CallReplyType(RedisModuleCallReply *reply) {
    if (!reply) return REDISMODULE_REPLY_UNKNOWN;
    return reply->type;
}

/* Length of a string or error, or element count of an aggregate (pairs
 * for maps). Context: any. Crossing: none. */
static size_t RM_CallReplyLength(RedisModuleCallReply *reply) {
    switch (reply->type) {
    case REDISMODULE_REPLY_STRING: case REDISMODULE_REPLY_ERROR:
    case REDISMODULE_REPLY_ARRAY: case REDISMODULE_REPLY_SET:
    case REDISMODULE_REPLY_MAP: case REDISMODULE_REPLY_ATTRIBUTE:
    case REDISMODULE_REPLY_VERBATIM_STRING: case REDISMODULE_REPLY_BIG_NUMBER:
        return reply->len;
    }
    return 0;
}

/* Element idx of an array reply; NULL when out of range or not an array.
 * Context: any. Crossing: none. */
static RedisModuleCallReply *RM_CallReplyArrayElement(RedisModuleCallReply *reply, size_t idx) {
    if (reply->type != REDISMODULE_REPLY_ARRAY || idx >= reply->len) return NULL;
    return &reply->elems[idx];
}

/* Element idx of a set reply. Context: any. Crossing: none. */
static RedisModuleCallReply *RM_CallReplySetElement(RedisModuleCallReply *reply, size_t idx) {
    if (reply->type != REDISMODULE_REPLY_SET || idx >= reply->len) return NULL;
    return &reply->elems[idx];
}

/* Key and value of pair idx of a map reply; REDISMODULE_ERR when out of
 * range or not a map. Context: any. Crossing: none. */
static int RM_CallReplyMapElement(RedisModuleCallReply *reply, size_t idx, RedisModuleCallReply **key, RedisModuleCallReply **val) {
    if (reply->type != REDISMODULE_REPLY_MAP || idx >= reply->len) return REDISMODULE_ERR;
    if (key) *key = &reply->elems[idx * 2];
    if (val) *val = &reply->elems[idx * 2 + 1];
    return REDISMODULE_OK;
}

/* The attribute that decorated a reply, or NULL. Context: any. Crossing: none. */
static RedisModuleCallReply *RM_CallReplyAttribute(RedisModuleCallReply *reply) { return reply->attribute; }

/* Key and value of pair idx of an attribute reply.
 * Context: any. Crossing: none. */
static int RM_CallReplyAttributeElement(RedisModuleCallReply *reply, size_t idx, RedisModuleCallReply **key, RedisModuleCallReply **val) {
    if (reply->type != REDISMODULE_REPLY_ATTRIBUTE || idx >= reply->len) return REDISMODULE_ERR;
    if (key) *key = &reply->elems[idx * 2];
    if (val) *val = &reply->elems[idx * 2 + 1];
    return REDISMODULE_OK;
}

/* The integer of an integer reply; LLONG_MIN for other types.
 * Context: any. Crossing: none. */
static long long RM_CallReplyInteger(RedisModuleCallReply *reply) {
    if (reply->type != REDISMODULE_REPLY_INTEGER) return LLONG_MIN;
    return reply->ll;
}

/* The value of a double reply; LLONG_MIN (as a double) for other types.
 * Context: any. Crossing: none. */
static double RM_CallReplyDouble(RedisModuleCallReply *reply) {
    if (reply->type != REDISMODULE_REPLY_DOUBLE) return (double)LLONG_MIN;
    return reply->d;
}

/* The value of a boolean reply; INT_MIN for other types.
 * Context: any. Crossing: none. */
static int RM_CallReplyBool(RedisModuleCallReply *reply) {
    if (reply->type != REDISMODULE_REPLY_BOOL) return INT_MIN;
    return (int)reply->ll;
}

/* The digits of a big number reply, or NULL. Context: any. Crossing: none. */
static const char *RM_CallReplyBigNumber(RedisModuleCallReply *reply, size_t *len) {
    if (reply->type != REDISMODULE_REPLY_BIG_NUMBER) return NULL;
    *len = reply->len;
    return reply->str;
}

/* The text and 3-byte format of a verbatim reply, or NULL.
 * Context: any. Crossing: none. */
static const char *RM_CallReplyVerbatim(RedisModuleCallReply *reply, size_t *len, const char **format) {
    if (reply->type != REDISMODULE_REPLY_VERBATIM_STRING) return NULL;
    *len = reply->len;
    if (format) *format = reply->format;
    return reply->str;
}

/* The bytes of a string or error reply (errors without the '-'), or NULL.
 * Context: any. Crossing: none. */
static const char *RM_CallReplyStringPtr(RedisModuleCallReply *reply, size_t *len) {
    if (reply->type != REDISMODULE_REPLY_STRING && reply->type != REDISMODULE_REPLY_ERROR) return NULL;
    if (len) *len = reply->len;
    return reply->str;
}

/* The raw RESP bytes of a reply. Context: any. Crossing: none. */
static const char *RM_CallReplyProto(RedisModuleCallReply *reply, size_t *len) {
    *len = reply->protolen;
    return reply->proto;
}

/* A new string from a string, error or integer reply; NULL otherwise.
 * Not tracked by auto memory (no context). Context: any. Crossing: none. */
static RedisModuleString *RM_CreateStringFromCallReply(RedisModuleCallReply *reply) {
    char buf[32];
    int n;
    switch (reply->type) {
    case REDISMODULE_REPLY_STRING:
    case REDISMODULE_REPLY_ERROR:
        return mh_string_new(reply->str, reply->len);
    case REDISMODULE_REPLY_INTEGER:
        n = snprintf(buf, sizeof(buf), "%lld", reply->ll);
        return mh_string_new(buf, (size_t)n);
    }
    return NULL;
}

/* Forwards a call reply to the client verbatim. Returns REDISMODULE_ERR
 * when the reply uses RESP3 types and the client speaks RESP2.
 * Context: reply target. Crossing: none. */
static int RM_ReplyWithCallReply(RedisModuleCtx *ctx, RedisModuleCallReply *reply) {
    if (ctx->client == 0 && !(ctx->flags & MH_CTX_TEMP_CLIENT)) return REDISMODULE_OK;
    if (ctx->resp == 2 && reply->resp3) return REDISMODULE_ERR;
    mh_reply_raw(ctx, reply->proto, reply->protolen);
    return REDISMODULE_OK;
}

/* ---- RM_Call -------------------------------------------------------------- */

/* Bits of the RM_Call flag letters that Go interprets. */
#define MH_CALL_REPLICATE   (1 << 0)  /* ! */
#define MH_CALL_NO_AOF      (1 << 1)  /* A */
#define MH_CALL_NO_REPLICAS (1 << 2)  /* R */
#define MH_CALL_RESP3       (1 << 3)  /* 3 */
#define MH_CALL_RESP_AUTO   (1 << 4)  /* 0 */
#define MH_CALL_CHECK_ACL   (1 << 5)  /* C */
#define MH_CALL_SCRIPT      (1 << 6)  /* S */
#define MH_CALL_NO_WRITES   (1 << 7)  /* W */
#define MH_CALL_CHECK_OOM   (1 << 8)  /* M */
#define MH_CALL_ERRORS      (1 << 9)  /* E */
#define MH_CALL_DRY_RUN     (1 << 10) /* D */
#define MH_CALL_BLOCKING    (1 << 11) /* K */

typedef struct mh_argbuild {
    mh_buf data;
    size_t *lens;
    int argc, cap;
} mh_argbuild;

static void mh_arg_add(mh_argbuild *a, const char *p, size_t n) {
    if (a->argc == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        a->lens = realloc(a->lens, sizeof(size_t) * (size_t)a->cap);
        if (!a->lens) abort();
    }
    mh_buf_append(&a->data, p, n);
    a->lens[a->argc++] = n;
}

/* Collects RM_Call-style arguments. Returns -1 for an unknown letter;
 * *flags gets the modifier letters. Shared with Replicate and EmitAOF. */
int mh_build_args(mh_argbuild *a, const char *fmt, va_list ap, int *flags) {
    *flags = 0;
    for (const char *p = fmt; *p; p++) {
        char tmp[32];
        int n;
        switch (*p) {
        case 'c': { const char *s = va_arg(ap, const char *); mh_arg_add(a, s, strlen(s)); break; }
        case 's': { RedisModuleString *s = va_arg(ap, RedisModuleString *); mh_arg_add(a, s->ptr, s->len); break; }
        case 'b': { const char *s = va_arg(ap, const char *); size_t l = va_arg(ap, size_t); mh_arg_add(a, s, l); break; }
        case 'l': { long long v = va_arg(ap, long long); n = snprintf(tmp, sizeof(tmp), "%lld", v); mh_arg_add(a, tmp, (size_t)n); break; }
        case 'v': {
            RedisModuleString **v = va_arg(ap, RedisModuleString **);
            size_t cnt = va_arg(ap, size_t);
            for (size_t i = 0; i < cnt; i++) mh_arg_add(a, v[i]->ptr, v[i]->len);
            break;
        }
        case '!': *flags |= MH_CALL_REPLICATE; break;
        case 'A': *flags |= MH_CALL_NO_AOF; break;
        case 'R': *flags |= MH_CALL_NO_REPLICAS; break;
        case '3': *flags |= MH_CALL_RESP3; break;
        case '0': *flags |= MH_CALL_RESP_AUTO; break;
        case 'C': *flags |= MH_CALL_CHECK_ACL; break;
        case 'S': *flags |= MH_CALL_SCRIPT; break;
        case 'W': *flags |= MH_CALL_NO_WRITES; break;
        case 'M': *flags |= MH_CALL_CHECK_OOM; break;
        case 'E': *flags |= MH_CALL_ERRORS; break;
        case 'D': *flags |= MH_CALL_DRY_RUN; break;
        case 'K': *flags |= MH_CALL_BLOCKING; break;
        case 'X': break;
        default: return -1;
        }
    }
    return 0;
}

void mh_argbuild_free(mh_argbuild *a) {
    mh_buf_free(&a->data);
    free(a->lens);
}

/* Runs a Redis command from module code and returns its reply; NULL with
 * errno set when the command could not run (ENOENT unknown command, EINVAL
 * bad arity or format, EPERM/ENOSPC/EACCES/ENETDOWN refused), unless the
 * "E" flag asks for such failures as error replies.
 * Context: anything holding the execution lock. Crossing: goCall. */
static RedisModuleCallReply *RM_Call(RedisModuleCtx *ctx, const char *cmdname, const char *fmt, ...) {
    mh_argbuild a = {0};
    int flags;
    mh_arg_add(&a, cmdname, strlen(cmdname));
    va_list ap;
    va_start(ap, fmt);
    int rc = mh_build_args(&a, fmt, ap, &flags);
    va_end(ap);
    if (rc != 0) {
        mh_argbuild_free(&a);
        errno = EINVAL;
        return NULL;
    }
    char *out = NULL;
    size_t outlen = 0;
    void *promise = NULL;
    /* Command filters registered with NOSELF skip this module's calls. */
    if (ctx->module) ctx->module->in_call++;
    mh_call_user_set(ctx);
    int err = goCall(ctx->module ? ctx->module->handle : 0, ctx->client, ctx->resp, ctx->selected_db,
                     a.data.data, a.lens, a.argc, flags, &out, &outlen, &promise);
    if (ctx->module) ctx->module->in_call--;
    mh_argbuild_free(&a);
    if (err) {
        errno = err;
        return NULL;
    }
    if (promise) {
        /* The command blocked: the reply comes later, to the handler. */
        free(out);
        RedisModuleCallReply *r = calloc(1, sizeof(*r));
        if (!r) abort();
        r->type = REDISMODULE_REPLY_PROMISE;
        r->root = 1;
        r->promise = promise;
        if (ctx->flags & MH_CTX_AUTO_MEMORY) {
            r->ctx = ctx;
            mh_am_add(ctx, MH_AM_REPLY, r);
        }
        return r;
    }
    return mh_callreply_new(ctx, out, outlen);
}

/* Sets the callback (and its private data) that receives the reply of a
 * blocked RM_Call "K" once the command is served; the module must set it
 * before releasing the execution lock. Without one the command still runs
 * and its reply is dropped. reply must be a REDISMODULE_REPLY_PROMISE.
 * Context: execution lock held. Crossing: none. */
static void RM_CallReplyPromiseSetUnblockHandler(RedisModuleCallReply *reply, RedisModuleOnUnblocked on_unblock, void *private_data) {
    if (!reply || !reply->promise) return;
    reply->promise->on_unblocked = on_unblock;
    reply->promise->private_data = private_data;
}

/* Cancels a blocked RM_Call "K" that has not been served yet: the command
 * stops waiting and its unblock handler will never run. REDISMODULE_OK
 * with *private_data (optional) set to the handler's private data, so the
 * caller can free it; REDISMODULE_ERR when the call already ended or was
 * aborted. Context: execution lock held. Crossing: goPromiseAbort. */
static int RM_CallReplyPromiseAbort(RedisModuleCallReply *reply, void **private_data) {
    if (!reply || !reply->promise) return REDISMODULE_ERR;
    mh_promise *p = reply->promise;
    if (!p->pending || !goPromiseAbort(p)) return REDISMODULE_ERR;
    if (private_data) *private_data = p->private_data;
    p->on_unblocked = NULL;
    p->private_data = NULL;
    p->pending = 0;
    mh_promise_unref(p);
    return REDISMODULE_OK;
}
