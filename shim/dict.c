/*
 * dict.c -- the module Dict API: an ordered map from byte strings to
 * pointers, entirely in C.
 *
 * Redis backs it with a radix tree; what modules can observe is the order
 * (bytes compared with memcmp, a proper prefix sorts first) and the seek
 * operators, so a skip list serves. Iterators remember a copy of the
 * current key and find the neighbour by searching again, which keeps them
 * valid when the dict changes under them.
 */
#include "core.h"
#include <stdlib.h>

#define MH_DICT_MAXLEVEL 32

typedef struct mh_dnode {
    unsigned char *key;
    size_t keylen;
    void *val;
    struct mh_dnode *back;      /* level-0 predecessor, NULL for the first */
    int level;
    struct mh_dnode *next[];    /* one per level */
} mh_dnode;

struct RedisModuleDict {
    mh_dnode *head;             /* sentinel with MH_DICT_MAXLEVEL levels */
    mh_dnode *tail;
    int level;
    uint64_t size;
    size_t bytes;               /* memory held by nodes and keys */
    uint64_t seed;
};

struct RedisModuleDictIter {
    RedisModuleDict *d;
    unsigned char *key;         /* copy of the current key */
    size_t keylen, keycap;
    void *val;
    int eof;
    int just_seeked;            /* the next Next/Prev returns the current element */
};

static int mh_dict_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen) {
    size_t n = alen < blen ? alen : blen;
    int c = n ? memcmp(a, b, n) : 0;
    if (c) return c;
    return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

static mh_dnode *mh_dnode_new(int level, const void *key, size_t keylen, void *val, size_t *bytes) {
    size_t sz = sizeof(mh_dnode) + sizeof(mh_dnode *) * (size_t)level;
    mh_dnode *n = mh_calloc(1, sz);
    n->level = level;
    n->keylen = keylen;
    n->key = mh_alloc(keylen ? keylen : 1);
    if (keylen) memcpy(n->key, key, keylen);
    n->val = val;
    if (bytes) *bytes += sz + (keylen ? keylen : 1);
    return n;
}

static void mh_dnode_free(RedisModuleDict *d, mh_dnode *n) {
    d->bytes -= sizeof(mh_dnode) + sizeof(mh_dnode *) * (size_t)n->level + (n->keylen ? n->keylen : 1);
    mh_free(n->key);
    mh_free(n);
}

/* xorshift: level choice needs no quality, only independence from keys. */
static int mh_dict_random_level(RedisModuleDict *d) {
    int level = 1;
    for (;;) {
        d->seed ^= d->seed << 13;
        d->seed ^= d->seed >> 7;
        d->seed ^= d->seed << 17;
        if ((d->seed & 3) != 0 || level >= MH_DICT_MAXLEVEL) break;
        level++;
    }
    return level;
}

/* Fills update[] with the last node before key on every level and returns
 * the first node whose key is >= key (or NULL). */
static mh_dnode *mh_dict_find_ge(RedisModuleDict *d, const void *key, size_t keylen, mh_dnode **update) {
    mh_dnode *x = d->head;
    for (int i = d->level - 1; i >= 0; i--) {
        while (x->next[i] && mh_dict_cmp(x->next[i]->key, x->next[i]->keylen, key, keylen) < 0) x = x->next[i];
        if (update) update[i] = x;
    }
    return x->next[0];
}

static mh_dnode *mh_dict_find(RedisModuleDict *d, const void *key, size_t keylen) {
    mh_dnode *n = mh_dict_find_ge(d, key, keylen, NULL);
    if (n && mh_dict_cmp(n->key, n->keylen, key, keylen) == 0) return n;
    return NULL;
}

/* Inserts or, when replace is set, overwrites. Returns 1 when the key was
 * new, 0 when it existed. */
static int mh_dict_insert(RedisModuleDict *d, const void *key, size_t keylen, void *val, int replace) {
    mh_dnode *update[MH_DICT_MAXLEVEL];
    mh_dnode *n = mh_dict_find_ge(d, key, keylen, update);
    if (n && mh_dict_cmp(n->key, n->keylen, key, keylen) == 0) {
        if (replace) n->val = val;
        return 0;
    }
    int level = mh_dict_random_level(d);
    if (level > d->level) {
        for (int i = d->level; i < level; i++) update[i] = d->head;
        d->level = level;
    }
    n = mh_dnode_new(level, key, keylen, val, &d->bytes);
    for (int i = 0; i < level; i++) {
        n->next[i] = update[i]->next[i];
        update[i]->next[i] = n;
    }
    n->back = update[0] == d->head ? NULL : update[0];
    if (n->next[0]) n->next[0]->back = n;
    else d->tail = n;
    d->size++;
    return 1;
}

static int mh_dict_remove(RedisModuleDict *d, const void *key, size_t keylen, void **old) {
    mh_dnode *update[MH_DICT_MAXLEVEL];
    mh_dnode *n = mh_dict_find_ge(d, key, keylen, update);
    if (!n || mh_dict_cmp(n->key, n->keylen, key, keylen) != 0) return 0;
    for (int i = 0; i < d->level; i++) {
        if (update[i]->next[i] == n) update[i]->next[i] = n->next[i];
    }
    if (n->next[0]) n->next[0]->back = n->back;
    else d->tail = n->back;
    while (d->level > 1 && d->head->next[d->level - 1] == NULL) d->level--;
    if (old) *old = n->val;
    mh_dnode_free(d, n);
    d->size--;
    return 1;
}

static void mh_dict_release(RedisModuleDict *d) {
    mh_dnode *n = d->head->next[0];
    while (n) {
        mh_dnode *next = n->next[0];
        mh_dnode_free(d, n);
        n = next;
    }
    mh_free(d->head);
    mh_free(d);
}

/* Auto memory frees dicts the module left behind (ctx.c calls this). */
void mh_dict_autofree(void *dict) {
    if (dict) mh_dict_release(dict);
}

/* ---- the API ------------------------------------------------------------ */

/* Creates an empty dict. With a ctx that has auto memory on, the dict is
 * freed when the callback returns unless FreeDict runs first.
 * Context: any (ctx may be NULL). Crossing: none. */
static RedisModuleDict *RM_CreateDict(RedisModuleCtx *ctx) {
    RedisModuleDict *d = mh_calloc(1, sizeof(*d));
    d->head = mh_dnode_new(MH_DICT_MAXLEVEL, NULL, 0, NULL, NULL);
    d->level = 1;
    d->seed = (uint64_t)(uintptr_t)d ^ 0x9e3779b97f4a7c15ull;
    if (!d->seed) d->seed = 1;
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_DICT, d);
    return d;
}

/* Frees a dict and its keys; the stored values are the module's. Pass the
 * ctx the dict was created with so auto memory forgets it.
 * Context: any. Crossing: none. */
static void RM_FreeDict(RedisModuleCtx *ctx, RedisModuleDict *d) {
    if (!d) return;
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_forget(ctx, d);
    mh_dict_release(d);
}

/* Number of keys. Context: any. Crossing: none. */
static uint64_t RM_DictSize(RedisModuleDict *d) { return d->size; }

/* Adds key -> ptr if key is absent: REDISMODULE_OK, else REDISMODULE_ERR
 * and the dict is unchanged. The key bytes are copied.
 * Context: any. Crossing: none. */
static int RM_DictSetC(RedisModuleDict *d, void *key, size_t keylen, void *ptr) {
    return mh_dict_insert(d, key, keylen, ptr, 0) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* Sets key -> ptr, overwriting. Returns REDISMODULE_OK when the key was
 * new and REDISMODULE_ERR when an old value was replaced (as Redis does).
 * Context: any. Crossing: none. */
static int RM_DictReplaceC(RedisModuleDict *d, void *key, size_t keylen, void *ptr) {
    return mh_dict_insert(d, key, keylen, ptr, 1) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* DictSetC with a string key. Context: any. Crossing: none. */
static int RM_DictSet(RedisModuleDict *d, RedisModuleString *key, void *ptr) {
    return RM_DictSetC(d, key->ptr, key->len, ptr);
}

/* DictReplaceC with a string key. Context: any. Crossing: none. */
static int RM_DictReplace(RedisModuleDict *d, RedisModuleString *key, void *ptr) {
    return RM_DictReplaceC(d, key->ptr, key->len, ptr);
}

/* The value stored at key, or NULL; *nokey (when given) tells a missing
 * key from a stored NULL. Context: any. Crossing: none. */
static void *RM_DictGetC(RedisModuleDict *d, void *key, size_t keylen, int *nokey) {
    mh_dnode *n = mh_dict_find(d, key, keylen);
    if (nokey) *nokey = n == NULL;
    return n ? n->val : NULL;
}

/* DictGetC with a string key. Context: any. Crossing: none. */
static void *RM_DictGet(RedisModuleDict *d, RedisModuleString *key, int *nokey) {
    return RM_DictGetC(d, key->ptr, key->len, nokey);
}

/* Removes key. REDISMODULE_OK if it existed; oldval, when not NULL, is a
 * void** that receives the removed value. Context: any. Crossing: none. */
static int RM_DictDelC(RedisModuleDict *d, void *key, size_t keylen, void *oldval) {
    return mh_dict_remove(d, key, keylen, (void **)oldval) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* DictDelC with a string key. Context: any. Crossing: none. */
static int RM_DictDel(RedisModuleDict *d, RedisModuleString *key, void *oldval) {
    return RM_DictDelC(d, key->ptr, key->len, oldval);
}

static void mh_iter_set(RedisModuleDictIter *di, mh_dnode *n) {
    if (!n) {
        di->eof = 1;
        return;
    }
    if (n->keylen + 1 > di->keycap) {
        di->keycap = n->keylen + 1;
        di->key = mh_realloc(di->key, di->keycap);
    }
    if (n->keylen) memcpy(di->key, n->key, n->keylen);
    di->key[n->keylen] = '\0';
    di->keylen = n->keylen;
    di->val = n->val;
    di->eof = 0;
}

/* Positions the iterator; returns 1 on success and 0 for an unknown
 * operator (Redis passes its radix tree's seek result through, so success
 * is 1 here, not REDISMODULE_OK). */
static int mh_iter_seek(RedisModuleDictIter *di, const char *op, const void *key, size_t keylen) {
    RedisModuleDict *d = di->d;
    int eq = 0, lt = 0, gt = 0, first = 0, last = 0;
    di->just_seeked = 1;
    di->eof = 0;
    if (!op) op = "";
    if (op[0] == '>') {
        gt = 1;
        eq = op[1] == '=';
    } else if (op[0] == '<') {
        lt = 1;
        eq = op[1] == '=';
    } else if (op[0] == '=') {
        eq = 1;
    } else if (op[0] == '^') {
        first = 1;
    } else if (op[0] == '$') {
        last = 1;
    } else {
        di->eof = 1;
        return 0;
    }
    if (d->size == 0) {
        di->eof = 1;
        return 1;
    }
    mh_dnode *n;
    if (first) {
        n = d->head->next[0];
    } else if (last) {
        n = d->tail;
    } else {
        mh_dnode *ge = mh_dict_find_ge(d, key, keylen, NULL);
        int exact = ge && mh_dict_cmp(ge->key, ge->keylen, key, keylen) == 0;
        if (gt) {
            n = (exact && !eq) ? ge->next[0] : ge;
        } else if (lt) {
            if (exact && eq) n = ge;
            else n = ge ? ge->back : d->tail;
        } else {
            n = exact ? ge : NULL;
        }
    }
    mh_iter_set(di, n);
    return 1;
}

/* Starts an iterator at the element chosen by op and key: "^" first, "$"
 * last, ">" ">=" "<" "<=" "==" relative to key. The first DictNext or
 * DictPrev returns that element. An unknown op gives an iterator at EOF.
 * Free with DictIteratorStop. Context: any. Crossing: none. */
static RedisModuleDictIter *RM_DictIteratorStartC(RedisModuleDict *d, const char *op, void *key, size_t keylen) {
    RedisModuleDictIter *di = mh_calloc(1, sizeof(*di));
    di->d = d;
    mh_iter_seek(di, op, key, keylen);
    return di;
}

/* DictIteratorStartC with a string key. Context: any. Crossing: none. */
static RedisModuleDictIter *RM_DictIteratorStart(RedisModuleDict *d, const char *op, RedisModuleString *key) {
    return RM_DictIteratorStartC(d, op, key->ptr, key->len);
}

/* Frees an iterator. Context: any. Crossing: none. */
static void RM_DictIteratorStop(RedisModuleDictIter *di) {
    if (!di) return;
    mh_free(di->key);
    mh_free(di);
}

/* Moves an existing iterator as DictIteratorStartC would. Returns 1 on
 * success, 0 for an unknown operator (Redis's values).
 * Context: any. Crossing: none. */
static int RM_DictIteratorReseekC(RedisModuleDictIter *di, const char *op, void *key, size_t keylen) {
    return mh_iter_seek(di, op, key, keylen);
}

/* DictIteratorReseekC with a string key. Context: any. Crossing: none. */
static int RM_DictIteratorReseek(RedisModuleDictIter *di, const char *op, RedisModuleString *key) {
    return RM_DictIteratorReseekC(di, op, key->ptr, key->len);
}

static int mh_iter_step(RedisModuleDictIter *di, int forward) {
    if (di->eof) return 0;
    if (di->just_seeked) {
        di->just_seeked = 0;
        return 1;
    }
    mh_dnode *n;
    if (forward) {
        n = mh_dict_find_ge(di->d, di->key, di->keylen, NULL);
        if (n && mh_dict_cmp(n->key, n->keylen, di->key, di->keylen) == 0) n = n->next[0];
    } else {
        n = mh_dict_find_ge(di->d, di->key, di->keylen, NULL);
        n = n ? n->back : di->d->tail;
    }
    if (!n) {
        /* EOF keeps the last key, as the radix iterator does. */
        di->eof = 1;
        return 0;
    }
    mh_iter_set(di, n);
    return 1;
}

/* Returns the next key (owned by the iterator, valid until the next call)
 * and its length and value, or NULL at the end.
 * Context: any. Crossing: none. */
static void *RM_DictNextC(RedisModuleDictIter *di, size_t *keylen, void **dataptr) {
    if (!mh_iter_step(di, 1)) return NULL;
    if (keylen) *keylen = di->keylen;
    if (dataptr) *dataptr = di->val;
    return di->key;
}

/* Like DictNextC, walking towards smaller keys. Context: any. Crossing: none. */
static void *RM_DictPrevC(RedisModuleDictIter *di, size_t *keylen, void **dataptr) {
    if (!mh_iter_step(di, 0)) return NULL;
    if (keylen) *keylen = di->keylen;
    if (dataptr) *dataptr = di->val;
    return di->key;
}

/* Like DictNextC but returns a new string the caller frees (or auto
 * memory does). Context: any. Crossing: none. */
static RedisModuleString *RM_DictNext(RedisModuleCtx *ctx, RedisModuleDictIter *di, void **dataptr) {
    size_t len;
    void *k = RM_DictNextC(di, &len, dataptr);
    if (!k) return NULL;
    return RM_CreateString(ctx, k, len);
}

/* Like DictPrevC but returns a new string. Context: any. Crossing: none. */
static RedisModuleString *RM_DictPrev(RedisModuleCtx *ctx, RedisModuleDictIter *di, void **dataptr) {
    size_t len;
    void *k = RM_DictPrevC(di, &len, dataptr);
    if (!k) return NULL;
    return RM_CreateString(ctx, k, len);
}

/* Compares the iterator's current key with key using op (">" ">=" "<"
 * "<=" "=="): REDISMODULE_OK when it holds, REDISMODULE_ERR when it does
 * not, the op is invalid, or the iterator is at EOF.
 * Context: any. Crossing: none. */
static int RM_DictCompareC(RedisModuleDictIter *di, const char *op, void *key, size_t keylen) {
    if (di->eof || !op || !op[0]) return REDISMODULE_ERR;
    int eq = op[0] == '=' || op[1] == '=';
    int gt = op[0] == '>', lt = op[0] == '<';
    if (!gt && !lt && op[1] != '=') return REDISMODULE_ERR;
    int c = mh_dict_cmp(di->key, di->keylen, key, keylen);
    int ok;
    if (!gt && !lt) ok = c == 0;
    else if (c == 0) ok = eq;
    else ok = c > 0 ? gt : lt;
    return ok ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* DictCompareC with a string key. Context: any. Crossing: none. */
static int RM_DictCompare(RedisModuleDictIter *di, const char *op, RedisModuleString *key) {
    return RM_DictCompareC(di, op, key->ptr, key->len);
}

/* Bytes the dict's own structure uses (not the values it points to).
 * Context: any. Crossing: none. */
static size_t RM_MallocSizeDict(RedisModuleDict *dict) {
    return sizeof(*dict) + sizeof(mh_dnode) + sizeof(mh_dnode *) * MH_DICT_MAXLEVEL + dict->bytes;
}
