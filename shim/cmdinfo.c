/*
 * cmdinfo.c -- command metadata (SetCommandInfo, SetCommandACLCategories)
 * and key extraction for modules (GetCommandKeys, GetCommandKeysWithFlags).
 *
 * SetCommandInfo validates the module's structs here, in C, because their
 * array strides come from the module's RedisModuleCommandInfoVersion; then
 * it packs everything into one flat buffer and crosses once
 * (goSetCommandInfo), where capi/cmdinfo.go unpacks it into the command's
 * table entry.
 */
#include "core.h"

#include "_cgo_export.h"

/* ---- packing ---------------------------------------------------------- */

/* The buffer is a sequence of native int64 values and strings; a string
 * is its length (-1 for NULL) followed by its bytes. capi/cmdinfo.go
 * reads the same layout. */
static void ci_int(mh_buf *b, long long v) { mh_buf_append(b, &v, sizeof(v)); }

static void ci_str(mh_buf *b, const char *s) {
    long long n = s ? (long long)strlen(s) : -1;
    ci_int(b, n);
    if (n > 0) mh_buf_append(b, s, (size_t)n);
}

/* Array elements are found with the module's own struct sizes, so a module
 * built against an older or newer header is walked correctly. */
static const RedisModuleCommandHistoryEntry *ci_history_at(const RedisModuleCommandInfoVersion *v, const RedisModuleCommandHistoryEntry *h, size_t i) {
    return (const RedisModuleCommandHistoryEntry *)((const char *)h + i * v->sizeof_historyentry);
}
static const RedisModuleCommandKeySpec *ci_keyspec_at(const RedisModuleCommandInfoVersion *v, const RedisModuleCommandKeySpec *k, size_t i) {
    return (const RedisModuleCommandKeySpec *)((const char *)k + i * v->sizeof_keyspec);
}
static const RedisModuleCommandArg *ci_arg_at(const RedisModuleCommandInfoVersion *v, const RedisModuleCommandArg *a, size_t i) {
    return (const RedisModuleCommandArg *)((const char *)a + i * v->sizeof_arg);
}

/* Invalid info is logged as a server warning, as Redis logs it. */
static void ci_warn(const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n >= (int)sizeof(msg)) n = sizeof(msg) - 1;
    goServerLog(3, msg, n);
}

static int ci_one_bit(uint64_t v) { return v && !(v & (v - 1)); }

static int ci_valid_args(const RedisModuleCommandInfoVersion *v, const RedisModuleCommandArg *args) {
    if (!args) return 1;
    for (size_t j = 0; ci_arg_at(v, args, j)->name; j++) {
        const RedisModuleCommandArg *a = ci_arg_at(v, args, j);
        if ((unsigned)a->type > REDISMODULE_ARG_TYPE_BLOCK) {
            ci_warn("Invalid command info: Argument \"%s\": Undefined type %d", a->name, a->type);
            return 0;
        }
        if (a->type == REDISMODULE_ARG_TYPE_PURE_TOKEN && !a->token) {
            ci_warn("Invalid command info: Argument \"%s\": token required when type is PURE_TOKEN", a->name);
            return 0;
        }
        if (a->type == REDISMODULE_ARG_TYPE_KEY) {
            if (a->key_spec_index < 0) {
                ci_warn("Invalid command info: Argument \"%s\": key_spec_index required when type is KEY", a->name);
                return 0;
            }
        } else if (a->key_spec_index != -1 && a->key_spec_index != 0) {
            /* 0 is accepted: designated initializers leave it out. */
            ci_warn("Invalid command info: Argument \"%s\": key_spec_index specified but type isn't KEY", a->name);
            return 0;
        }
        if (a->flags & ~(_REDISMODULE_CMD_ARG_NEXT - 1)) {
            ci_warn("Invalid command info: Argument \"%s\": Invalid flags", a->name);
            return 0;
        }
        if (a->type == REDISMODULE_ARG_TYPE_ONEOF || a->type == REDISMODULE_ARG_TYPE_BLOCK) {
            if (!a->subargs) {
                ci_warn("Invalid command info: Argument \"%s\": subargs required when type is ONEOF or BLOCK", a->name);
                return 0;
            }
            if (!ci_valid_args(v, a->subargs)) return 0;
        } else if (a->subargs) {
            ci_warn("Invalid command info: Argument \"%s\": subargs specified but type isn't ONEOF nor BLOCK", a->name);
            return 0;
        }
    }
    return 1;
}

/* Checks the info the way Redis 7.2 does before taking any of it. */
static int ci_valid(const RedisModuleCommandInfo *info) {
    const RedisModuleCommandInfoVersion *v = info->version;
    if (!v) {
        ci_warn("Invalid command info: version missing");
        return 0;
    }
    /* A zero stride would walk the first element forever. */
    if ((info->history && !v->sizeof_historyentry) || (info->key_specs && !v->sizeof_keyspec) ||
        (info->args && !v->sizeof_arg)) {
        ci_warn("Invalid command info: version struct sizes missing");
        return 0;
    }
    if (info->history) {
        for (size_t j = 0; ci_history_at(v, info->history, j)->since; j++) {
            if (!ci_history_at(v, info->history, j)->changes) {
                ci_warn("Invalid command info: history[%zd].changes missing", j);
                return 0;
            }
        }
    }
    if (info->key_specs) {
        const uint64_t access = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_OW | REDISMODULE_CMD_KEY_RM;
        const uint64_t write = REDISMODULE_CMD_KEY_INSERT | REDISMODULE_CMD_KEY_DELETE | REDISMODULE_CMD_KEY_UPDATE;
        for (size_t j = 0; ci_keyspec_at(v, info->key_specs, j)->begin_search_type; j++) {
            const RedisModuleCommandKeySpec *ks = ci_keyspec_at(v, info->key_specs, j);
            if (!ci_one_bit(ks->flags & access)) {
                ci_warn("Invalid command info: key_specs[%zd].flags: Exactly one of the flags RO, RW, OW, RM required", j);
                return 0;
            }
            if ((ks->flags & write) && !ci_one_bit(ks->flags & write)) {
                ci_warn("Invalid command info: key_specs[%zd].flags: INSERT, DELETE and UPDATE are mutually exclusive", j);
                return 0;
            }
            switch (ks->begin_search_type) {
            case REDISMODULE_KSPEC_BS_UNKNOWN:
            case REDISMODULE_KSPEC_BS_INDEX:
                break;
            case REDISMODULE_KSPEC_BS_KEYWORD:
                if (!ks->bs.keyword.keyword) {
                    ci_warn("Invalid command info: key_specs[%zd].bs.keyword.keyword required when begin_search_type is KEYWORD", j);
                    return 0;
                }
                break;
            default:
                ci_warn("Invalid command info: key_specs[%zd].begin_search_type: Invalid value %d", j, ks->begin_search_type);
                return 0;
            }
            switch (ks->find_keys_type) {
            case REDISMODULE_KSPEC_FK_OMITTED:
            case REDISMODULE_KSPEC_FK_UNKNOWN:
            case REDISMODULE_KSPEC_FK_RANGE:
            case REDISMODULE_KSPEC_FK_KEYNUM:
                break;
            default:
                ci_warn("Invalid command info: key_specs[%zd].find_keys_type: Invalid value %d", j, ks->find_keys_type);
                return 0;
            }
        }
    }
    return ci_valid_args(v, info->args);
}

static void ci_pack_args(mh_buf *b, const RedisModuleCommandInfoVersion *v, const RedisModuleCommandArg *args) {
    if (!args) {
        ci_int(b, -1);
        return;
    }
    long long n = 0;
    while (ci_arg_at(v, args, (size_t)n)->name) n++;
    ci_int(b, n);
    for (long long j = 0; j < n; j++) {
        const RedisModuleCommandArg *a = ci_arg_at(v, args, (size_t)j);
        ci_str(b, a->name);
        ci_int(b, a->type);
        ci_int(b, a->key_spec_index);
        ci_str(b, a->token);
        ci_str(b, a->summary);
        ci_str(b, a->since);
        ci_int(b, a->flags);
        ci_str(b, a->deprecated_since);
        ci_str(b, a->display_text);
        ci_pack_args(b, v, a->subargs);
    }
}

static void ci_pack(mh_buf *b, const RedisModuleCommandInfo *info) {
    const RedisModuleCommandInfoVersion *v = info->version;
    ci_str(b, info->summary);
    ci_str(b, info->complexity);
    ci_str(b, info->since);
    if (info->history) {
        long long n = 0;
        while (ci_history_at(v, info->history, (size_t)n)->since) n++;
        ci_int(b, n);
        for (long long j = 0; j < n; j++) {
            ci_str(b, ci_history_at(v, info->history, (size_t)j)->since);
            ci_str(b, ci_history_at(v, info->history, (size_t)j)->changes);
        }
    } else {
        ci_int(b, -1);
    }
    ci_str(b, info->tips);
    ci_int(b, info->arity);
    if (info->key_specs) {
        long long n = 0;
        while (ci_keyspec_at(v, info->key_specs, (size_t)n)->begin_search_type) n++;
        ci_int(b, n);
        for (long long j = 0; j < n; j++) {
            const RedisModuleCommandKeySpec *ks = ci_keyspec_at(v, info->key_specs, (size_t)j);
            ci_str(b, ks->notes);
            ci_int(b, (long long)ks->flags);
            ci_int(b, ks->begin_search_type);
            if (ks->begin_search_type == REDISMODULE_KSPEC_BS_KEYWORD) {
                ci_int(b, 0);
                ci_str(b, ks->bs.keyword.keyword);
                ci_int(b, ks->bs.keyword.startfrom);
            } else {
                ci_int(b, ks->begin_search_type == REDISMODULE_KSPEC_BS_INDEX ? ks->bs.index.pos : 0);
                ci_str(b, NULL);
                ci_int(b, 0);
            }
            ci_int(b, ks->find_keys_type);
            if (ks->find_keys_type == REDISMODULE_KSPEC_FK_KEYNUM) {
                ci_int(b, ks->fk.keynum.keynumidx);
                ci_int(b, ks->fk.keynum.firstkey);
                ci_int(b, ks->fk.keynum.keystep);
            } else {
                ci_int(b, ks->fk.range.lastkey);
                ci_int(b, ks->fk.range.keystep);
                ci_int(b, ks->fk.range.limit);
            }
        }
    } else {
        ci_int(b, -1);
    }
    ci_pack_args(b, v, info->args);
}

/* Whether the module gave the command a function (containers have none). */
int mh_command_has_func(RedisModuleCommand *c) { return c && c->func != NULL; }

/* ---- the API ------------------------------------------------------------ */

/* Sets a command's documentation, arity and key specs (COMMAND INFO, COMMAND
 * DOCS, GETKEYS, ACL key checks, the dispatcher's arity check). Returns
 * REDISMODULE_ERR with errno EINVAL for invalid info (a warning in the log
 * says why) or EEXIST when info was already set. Context: any (normally
 * OnLoad). Crossing: goSetCommandInfo. */
static int RM_SetCommandInfo(RedisModuleCommand *command, const RedisModuleCommandInfo *info) {
    if (!command || !info || !ci_valid(info)) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    mh_buf b = {0};
    ci_pack(&b, info);
    int rc = goSetCommandInfo(command->id, b.data, (long long)b.len);
    mh_buf_free(&b);
    if (rc != 0) {
        errno = rc;
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* Sets the ACL categories of a command from space-separated names ("write
 * slow"); an unknown name fails (and is logged). OnLoad only.
 * Context: OnLoad. Crossing: goSetCommandACLCategories. */
static int RM_SetCommandACLCategories(RedisModuleCommand *command, const char *aclflags) {
    if (!command || !command->module || !command->module->in_onload) return REDISMODULE_ERR;
    return goSetCommandACLCategories(command->id, (char *)(aclflags ? aclflags : ""));
}

/* Finds the key arguments of a command line the way the server's key table
 * does; *out_flags (when asked) gets REDISMODULE_CMD_KEY_* flags per key.
 * Both arrays come from RedisModule_Alloc and are the caller's to free.
 * NULL with errno ENOENT (no such command), EINVAL (wrong arity) or 0 (no
 * keys). Context: any holding the lock. Crossing: goGetCommandKeys. */
static int *RM_GetCommandKeysWithFlags(RedisModuleCtx *ctx, RedisModuleString **argv, int argc, int *num_keys, int **out_flags) {
    (void)ctx;
    if (!argv || argc <= 0) {
        errno = ENOENT;
        return NULL;
    }
    size_t total = 0;
    for (int i = 0; i < argc; i++) total += argv[i]->len;
    char *buf = malloc(total ? total : 1);
    size_t *lens = malloc(sizeof(size_t) * (size_t)argc);
    if (!buf || !lens) abort();
    size_t off = 0;
    for (int i = 0; i < argc; i++) {
        memcpy(buf + off, argv[i]->ptr, argv[i]->len);
        lens[i] = argv[i]->len;
        off += argv[i]->len;
    }
    int n = 0;
    long long *found = NULL; /* pos, flags pairs, plain malloc */
    int err = goGetCommandKeys(buf, lens, argc, &n, &found);
    free(buf);
    free(lens);
    if (err != 0) {
        free(found);
        errno = err;
        return NULL;
    }
    *num_keys = n;
    if (n == 0) {
        free(found);
        errno = 0;
        return NULL;
    }
    int *pos = mh_alloc(sizeof(int) * (size_t)n);
    int *flags = out_flags ? mh_alloc(sizeof(int) * (size_t)n) : NULL;
    for (int i = 0; i < n; i++) {
        pos[i] = (int)found[2 * i];
        if (flags) flags[i] = (int)found[2 * i + 1];
    }
    free(found);
    if (out_flags) *out_flags = flags;
    return pos;
}

/* GetCommandKeysWithFlags without the flags. Crossing: goGetCommandKeys. */
static int *RM_GetCommandKeys(RedisModuleCtx *ctx, RedisModuleString **argv, int argc, int *num_keys) {
    return RM_GetCommandKeysWithFlags(ctx, argv, argc, num_keys, NULL);
}
