/*
 * redismodule.h -- modhost's public header for Redis modules.
 *
 * Written for modhost. It is binary compatible with the header shipped by
 * Redis 7.2: the same API names and signatures, constant values, struct
 * layouts and struct versions, so a module built against either header runs
 * on either server.
 *
 * Two ways to include it:
 *   - from a module (the default): every API is a function pointer variable,
 *     filled in by RedisModule_Init() from the GetApi word at ctx[0];
 *   - from the server (define REDISMODULE_CORE first): only the types and
 *     constants are visible, so the host can implement the functions itself.
 */
#ifndef REDISMODULE_H
#define REDISMODULE_H

#include <sys/types.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* ========================================================================
 * Part 1: types and constants shared by modules and the server
 * ======================================================================== */

/* Opaque handles the API passes around. Module code never looks inside. */
typedef struct RedisModuleString RedisModuleString;
typedef struct RedisModuleKey RedisModuleKey;

#ifndef REDISMODULE_CORE_MODULE
/* Millisecond and microsecond timestamps and durations. */
typedef long long mstime_t;
typedef long long ustime_t;
#endif

/* ---- Return codes ------------------------------------------------------ */

#define REDISMODULE_OK 0
#define REDISMODULE_ERR 1

/* What a module auth callback answers (RegisterAuthCallback). */
#define REDISMODULE_AUTH_HANDLED 0
#define REDISMODULE_AUTH_NOT_HANDLED 1

/* The only module API version there has ever been. */
#define REDISMODULE_APIVER_1 1

/* RedisModuleTypeMethods layout generation this header describes (7.2 = 5).
 * The server reads only the fields that the module's .version covers. */
#define REDISMODULE_TYPE_METHOD_VERSION 5

/* ---- OpenKey modes ------------------------------------------------------ */

#define REDISMODULE_READ (1<<0)
#define REDISMODULE_WRITE (1<<1)
/* Leave the key's LRU/LFU untouched. */
#define REDISMODULE_OPEN_KEY_NOTOUCH (1<<16)
/* Fire no keyspace "keymiss" event when the key is absent. */
#define REDISMODULE_OPEN_KEY_NONOTIFY (1<<17)
/* Count neither a keyspace hit nor a miss. */
#define REDISMODULE_OPEN_KEY_NOSTATS (1<<18)
/* Keep a logically expired key instead of deleting it on access. */
#define REDISMODULE_OPEN_KEY_NOEXPIRE (1<<19)
/* No side effects at all from looking the key up. */
#define REDISMODULE_OPEN_KEY_NOEFFECTS (1<<20)
/* Every mode bit above; modules should ask RedisModule_GetOpenKeyModesAll. */
#define _REDISMODULE_OPEN_KEY_ALL (REDISMODULE_READ | REDISMODULE_WRITE | \
    REDISMODULE_OPEN_KEY_NOTOUCH | REDISMODULE_OPEN_KEY_NONOTIFY | \
    REDISMODULE_OPEN_KEY_NOSTATS | REDISMODULE_OPEN_KEY_NOEXPIRE | \
    REDISMODULE_OPEN_KEY_NOEFFECTS)

/* ---- Lists -------------------------------------------------------------- */

#define REDISMODULE_LIST_HEAD 0
#define REDISMODULE_LIST_TAIL 1

/* ---- Key types (RedisModule_KeyType) ------------------------------------ */

#define REDISMODULE_KEYTYPE_EMPTY 0
#define REDISMODULE_KEYTYPE_STRING 1
#define REDISMODULE_KEYTYPE_LIST 2
#define REDISMODULE_KEYTYPE_HASH 3
#define REDISMODULE_KEYTYPE_SET 4
#define REDISMODULE_KEYTYPE_ZSET 5
#define REDISMODULE_KEYTYPE_MODULE 6
#define REDISMODULE_KEYTYPE_STREAM 7

/* ---- Call reply types (RedisModule_CallReplyType) ----------------------- */

#define REDISMODULE_REPLY_UNKNOWN (-1)
#define REDISMODULE_REPLY_STRING 0
#define REDISMODULE_REPLY_ERROR 1
#define REDISMODULE_REPLY_INTEGER 2
#define REDISMODULE_REPLY_ARRAY 3
#define REDISMODULE_REPLY_NULL 4
#define REDISMODULE_REPLY_MAP 5
#define REDISMODULE_REPLY_SET 6
#define REDISMODULE_REPLY_BOOL 7
#define REDISMODULE_REPLY_DOUBLE 8
#define REDISMODULE_REPLY_BIG_NUMBER 9
#define REDISMODULE_REPLY_VERBATIM_STRING 10
#define REDISMODULE_REPLY_ATTRIBUTE 11
#define REDISMODULE_REPLY_PROMISE 12

/* Length to pass to ReplyWith{Array,Map,Set,Attribute} when it is not known
 * yet; the matching ReplySet*Length call supplies it afterwards. The
 * ARRAY_LEN spelling is the older name of the same value. */
#define REDISMODULE_POSTPONED_ARRAY_LEN (-1)
#define REDISMODULE_POSTPONED_LEN (-1)

/* GetExpire/SetExpire value meaning "no time to live". */
#define REDISMODULE_NO_EXPIRE (-1)

/* ---- Sorted sets: ZsetAdd/ZsetIncrby flags ------------------------------ */

/* Inputs. */
#define REDISMODULE_ZADD_XX (1<<0)
#define REDISMODULE_ZADD_NX (1<<1)
/* Outputs. */
#define REDISMODULE_ZADD_ADDED (1<<2)
#define REDISMODULE_ZADD_UPDATED (1<<3)
#define REDISMODULE_ZADD_NOP (1<<4)
/* Inputs, continued. */
#define REDISMODULE_ZADD_GT (1<<5)
#define REDISMODULE_ZADD_LT (1<<6)

/* ---- Hashes: HashSet/HashGet flags -------------------------------------- */

#define REDISMODULE_HASH_NONE 0
#define REDISMODULE_HASH_NX (1<<0)
#define REDISMODULE_HASH_XX (1<<1)
/* Field names are passed as plain C strings, not string objects. */
#define REDISMODULE_HASH_CFIELDS (1<<2)
/* HashGet only tests existence, storing an int per field. */
#define REDISMODULE_HASH_EXISTS (1<<3)
/* HashSet counts every touched field, not only new ones. */
#define REDISMODULE_HASH_COUNT_ALL (1<<4)

/* ---- Module config flags (Register*Config) ------------------------------ */

#define REDISMODULE_CONFIG_DEFAULT 0
/* Settable only at startup. */
#define REDISMODULE_CONFIG_IMMUTABLE (1ULL<<0)
/* Value is redacted from logs. */
#define REDISMODULE_CONFIG_SENSITIVE (1ULL<<1)
/* Left out of CONFIG GET pattern matches. */
#define REDISMODULE_CONFIG_HIDDEN (1ULL<<4)
/* Frozen when enable-protected-configs is off. */
#define REDISMODULE_CONFIG_PROTECTED (1ULL<<5)
/* Refused while the dataset is loading. */
#define REDISMODULE_CONFIG_DENY_LOADING (1ULL<<6)
/* Numeric config accepting memory units such as "1gb". */
#define REDISMODULE_CONFIG_MEMORY (1ULL<<7)
/* Enum config accepting several names at once, OR-ed together. */
#define REDISMODULE_CONFIG_BITFLAGS (1ULL<<8)

/* ---- Streams ------------------------------------------------------------ */

/* An entry ID: milliseconds part and sequence part. */
typedef struct RedisModuleStreamID {
    uint64_t ms;
    uint64_t seq;
} RedisModuleStreamID;

/* StreamAdd: let the server pick the ID (and write it back). */
#define REDISMODULE_STREAM_ADD_AUTOID (1<<0)
/* StreamIteratorStart: leave out the boundary IDs / walk backwards. */
#define REDISMODULE_STREAM_ITERATOR_EXCLUSIVE (1<<0)
#define REDISMODULE_STREAM_ITERATOR_REVERSE (1<<1)
/* StreamTrimBy*: trim approximately, like "~" in XTRIM. */
#define REDISMODULE_STREAM_TRIM_APPROX (1<<0)

/* ---- Context flags (GetContextFlags) ------------------------------------ */

#define REDISMODULE_CTX_FLAGS_LUA (1<<0)           /* inside a script */
#define REDISMODULE_CTX_FLAGS_MULTI (1<<1)         /* inside MULTI/EXEC */
#define REDISMODULE_CTX_FLAGS_MASTER (1<<2)        /* this server is a master */
#define REDISMODULE_CTX_FLAGS_SLAVE (1<<3)         /* this server is a replica */
#define REDISMODULE_CTX_FLAGS_READONLY (1<<4)      /* writes are refused */
#define REDISMODULE_CTX_FLAGS_CLUSTER (1<<5)       /* cluster mode is on */
#define REDISMODULE_CTX_FLAGS_AOF (1<<6)           /* appendonly is on */
#define REDISMODULE_CTX_FLAGS_RDB (1<<7)           /* save points are set */
#define REDISMODULE_CTX_FLAGS_MAXMEMORY (1<<8)     /* maxmemory is set */
#define REDISMODULE_CTX_FLAGS_EVICT (1<<9)         /* policy may evict keys */
#define REDISMODULE_CTX_FLAGS_OOM (1<<10)          /* over maxmemory */
#define REDISMODULE_CTX_FLAGS_OOM_WARNING (1<<11)  /* under 25% headroom */
#define REDISMODULE_CTX_FLAGS_REPLICATED (1<<12)   /* sent by our master */
#define REDISMODULE_CTX_FLAGS_LOADING (1<<13)      /* loading RDB or AOF */
/* Replica link states; STALE and ONLINE never appear together. */
#define REDISMODULE_CTX_FLAGS_REPLICA_IS_STALE (1<<14)
#define REDISMODULE_CTX_FLAGS_REPLICA_IS_CONNECTING (1<<15)
#define REDISMODULE_CTX_FLAGS_REPLICA_IS_TRANSFERRING (1<<16)
#define REDISMODULE_CTX_FLAGS_REPLICA_IS_ONLINE (1<<17)
#define REDISMODULE_CTX_FLAGS_ACTIVE_CHILD (1<<18)   /* a fork child is running */
#define REDISMODULE_CTX_FLAGS_MULTI_DIRTY (1<<19)    /* EXEC will abort (WATCH) */
#define REDISMODULE_CTX_FLAGS_IS_CHILD (1<<20)       /* we are the fork child */
#define REDISMODULE_CTX_FLAGS_DENY_BLOCKING (1<<21)  /* caller cannot block */
#define REDISMODULE_CTX_FLAGS_RESP3 (1<<22)          /* client speaks RESP3 */
#define REDISMODULE_CTX_FLAGS_ASYNC_LOADING (1<<23)  /* diskless async load */
#define REDISMODULE_CTX_FLAGS_SERVER_STARTUP (1<<24) /* still starting up */
/* One past the last flag; modules should ask GetContextFlagsAll. */
#define _REDISMODULE_CTX_FLAGS_NEXT (1<<25)

/* ---- Keyspace notification classes -------------------------------------- */

/* The letter after each is its notify-keyspace-events character. */
#define REDISMODULE_NOTIFY_KEYSPACE (1<<0)   /* K */
#define REDISMODULE_NOTIFY_KEYEVENT (1<<1)   /* E */
#define REDISMODULE_NOTIFY_GENERIC (1<<2)    /* g */
#define REDISMODULE_NOTIFY_STRING (1<<3)     /* $ */
#define REDISMODULE_NOTIFY_LIST (1<<4)       /* l */
#define REDISMODULE_NOTIFY_SET (1<<5)        /* s */
#define REDISMODULE_NOTIFY_HASH (1<<6)       /* h */
#define REDISMODULE_NOTIFY_ZSET (1<<7)       /* z */
#define REDISMODULE_NOTIFY_EXPIRED (1<<8)    /* x */
#define REDISMODULE_NOTIFY_EVICTED (1<<9)    /* e */
#define REDISMODULE_NOTIFY_STREAM (1<<10)    /* t */
#define REDISMODULE_NOTIFY_KEY_MISS (1<<11)  /* m, not part of ALL */
#define REDISMODULE_NOTIFY_LOADED (1<<12)    /* modules only: key read from RDB */
#define REDISMODULE_NOTIFY_MODULE (1<<13)    /* d */
#define REDISMODULE_NOTIFY_NEW (1<<14)       /* n, not part of ALL */
/* One past the last class; modules should ask GetKeyspaceNotificationFlagsAll. */
#define _REDISMODULE_NOTIFY_NEXT (1<<15)
/* The "A" alias: every data class (g$lshzxetd). */
#define REDISMODULE_NOTIFY_ALL (REDISMODULE_NOTIFY_GENERIC | \
    REDISMODULE_NOTIFY_STRING | REDISMODULE_NOTIFY_LIST | \
    REDISMODULE_NOTIFY_SET | REDISMODULE_NOTIFY_HASH | \
    REDISMODULE_NOTIFY_ZSET | REDISMODULE_NOTIFY_EXPIRED | \
    REDISMODULE_NOTIFY_EVICTED | REDISMODULE_NOTIFY_STREAM | \
    REDISMODULE_NOTIFY_MODULE)

/* HashSet value that deletes the field: a pointer no allocation can have. */
#define REDISMODULE_HASH_DELETE ((RedisModuleString *)(long)1)

/* The error text core commands use on a type mismatch. */
#define REDISMODULE_ERRORMSG_WRONGTYPE "WRONGTYPE Operation against a key holding the wrong kind of value"

#define REDISMODULE_POSITIVE_INFINITE (1.0/0.0)
#define REDISMODULE_NEGATIVE_INFINITE (-1.0/0.0)

/* ---- Cluster ------------------------------------------------------------ */

/* Node IDs are this many bytes and are not NUL-terminated. */
#define REDISMODULE_NODE_ID_LEN 40
/* GetClusterNodeInfo flags. */
#define REDISMODULE_NODE_MYSELF (1<<0)
#define REDISMODULE_NODE_MASTER (1<<1)
#define REDISMODULE_NODE_SLAVE (1<<2)
#define REDISMODULE_NODE_PFAIL (1<<3)
#define REDISMODULE_NODE_FAIL (1<<4)
#define REDISMODULE_NODE_NOFAILOVER (1<<5)
/* SetClusterFlags bits. */
#define REDISMODULE_CLUSTER_FLAG_NONE 0
#define REDISMODULE_CLUSTER_FLAG_NO_FAILOVER (1<<1)
#define REDISMODULE_CLUSTER_FLAG_NO_REDIRECTION (1<<2)

/* Silences unused-variable warnings. */
#define REDISMODULE_NOT_USED(V) ((void) V)

/* ---- Log levels (RedisModule_Log) --------------------------------------- */

#define REDISMODULE_LOGLEVEL_DEBUG "debug"
#define REDISMODULE_LOGLEVEL_VERBOSE "verbose"
#define REDISMODULE_LOGLEVEL_NOTICE "notice"
#define REDISMODULE_LOGLEVEL_WARNING "warning"

/* ---- Module type aux data: when aux_save/aux_load run ------------------- */

#define REDISMODULE_AUX_BEFORE_RDB (1<<0)
#define REDISMODULE_AUX_AFTER_RDB (1<<1)

/* ---- RedisModule_Yield flags (NONE is a real bit, not zero) ------------- */

#define REDISMODULE_YIELD_FLAG_NONE (1<<0)
#define REDISMODULE_YIELD_FLAG_CLIENTS (1<<1)

/* ---- BlockClientOnKeysWithFlags flags ----------------------------------- */

#define REDISMODULE_BLOCK_UNBLOCK_DEFAULT (0)
/* Also wake the client when a watched key is deleted. */
#define REDISMODULE_BLOCK_UNBLOCK_DELETED (1<<0)

/* Timer handle from CreateTimer: a plain 64-bit number. */
typedef uint64_t RedisModuleTimerID;

/* RegisterCommandFilter: skip commands this module issues via Call. */
#define REDISMODULE_CMDFILTER_NOSELF (1<<0)

/* ---- SetModuleOptions bits ---------------------------------------------- */

/* rdb_load copes with read errors (checks IsIOError) instead of crashing. */
#define REDISMODULE_OPTIONS_HANDLE_IO_ERRORS (1<<0)
/* CloseKey will not signal the key as modified; the module does it.
 * (Singular "OPTION" is the real spelling.) */
#define REDISMODULE_OPTION_NO_IMPLICIT_SIGNAL_MODIFIED (1<<1)
/* The module supports diskless replication with async loading. */
#define REDISMODULE_OPTIONS_HANDLE_REPL_ASYNC_LOAD (1<<2)
/* Deliver keyspace events raised from inside the module's own handlers. */
#define REDISMODULE_OPTIONS_ALLOW_NESTED_KEYSPACE_NOTIFICATIONS (1<<3)
/* One past the last option; modules should ask GetModuleOptionsAll. */
#define _REDISMODULE_OPTIONS_FLAGS_NEXT (1<<4)

/* ---- Command documentation and key specs (SetCommandInfo) --------------- */

/* What an argument is. ONEOF and BLOCK carry sub-arguments. */
typedef enum {
    REDISMODULE_ARG_TYPE_STRING,
    REDISMODULE_ARG_TYPE_INTEGER,
    REDISMODULE_ARG_TYPE_DOUBLE,
    REDISMODULE_ARG_TYPE_KEY,
    REDISMODULE_ARG_TYPE_PATTERN,
    REDISMODULE_ARG_TYPE_UNIX_TIME,
    REDISMODULE_ARG_TYPE_PURE_TOKEN,
    REDISMODULE_ARG_TYPE_ONEOF,
    REDISMODULE_ARG_TYPE_BLOCK
} RedisModuleCommandArgType;

/* Argument flags. */
#define REDISMODULE_CMD_ARG_NONE (0)
#define REDISMODULE_CMD_ARG_OPTIONAL (1<<0)       /* may be left out */
#define REDISMODULE_CMD_ARG_MULTIPLE (1<<1)       /* may repeat */
#define REDISMODULE_CMD_ARG_MULTIPLE_TOKEN (1<<2) /* repeats with its token */
#define _REDISMODULE_CMD_ARG_NEXT (1<<3)

/* How a key spec finds the first key. INVALID (0) ends a key-spec array. */
typedef enum {
    REDISMODULE_KSPEC_BS_INVALID = 0,
    REDISMODULE_KSPEC_BS_UNKNOWN,
    REDISMODULE_KSPEC_BS_INDEX,
    REDISMODULE_KSPEC_BS_KEYWORD
} RedisModuleKeySpecBeginSearchType;

/* How a key spec finds the remaining keys. OMITTED (0) = field not given. */
typedef enum {
    REDISMODULE_KSPEC_FK_OMITTED = 0,
    REDISMODULE_KSPEC_FK_UNKNOWN,
    REDISMODULE_KSPEC_FK_RANGE,
    REDISMODULE_KSPEC_FK_KEYNUM
} RedisModuleKeySpecFindKeysType;

/* Key-spec flags (64-bit). */
#define REDISMODULE_CMD_KEY_RO (1ULL<<0)
#define REDISMODULE_CMD_KEY_RW (1ULL<<1)
#define REDISMODULE_CMD_KEY_OW (1ULL<<2)
#define REDISMODULE_CMD_KEY_RM (1ULL<<3)
#define REDISMODULE_CMD_KEY_ACCESS (1ULL<<4)
#define REDISMODULE_CMD_KEY_UPDATE (1ULL<<5)
#define REDISMODULE_CMD_KEY_INSERT (1ULL<<6)
#define REDISMODULE_CMD_KEY_DELETE (1ULL<<7)
#define REDISMODULE_CMD_KEY_NOT_KEY (1ULL<<8)
#define REDISMODULE_CMD_KEY_INCOMPLETE (1ULL<<9)
#define REDISMODULE_CMD_KEY_VARIABLE_FLAGS (1ULL<<10)

/* Channel flags for ChannelAtPosWithFlags. */
#define REDISMODULE_CMD_CHANNEL_PATTERN (1ULL<<0)
#define REDISMODULE_CMD_CHANNEL_PUBLISH (1ULL<<1)
#define REDISMODULE_CMD_CHANNEL_SUBSCRIBE (1ULL<<2)
#define REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE (1ULL<<3)

/* One documented argument; an array of these ends with name == NULL. */
typedef struct RedisModuleCommandArg {
    const char *name;
    RedisModuleCommandArgType type;
    int key_spec_index;     /* for KEY args: index into key_specs, else -1 */
    const char *token;      /* literal word preceding the value, if any */
    const char *summary;
    const char *since;
    int flags;              /* REDISMODULE_CMD_ARG_* */
    const char *deprecated_since;
    struct RedisModuleCommandArg *subargs;
    const char *display_text;
} RedisModuleCommandArg;

/* One history line; an array of these ends with since == NULL. */
typedef struct {
    const char *since;
    const char *changes;
} RedisModuleCommandHistoryEntry;

/* One key spec; an array of these ends with begin_search_type == 0. */
typedef struct {
    const char *notes;
    uint64_t flags;         /* REDISMODULE_CMD_KEY_* */
    RedisModuleKeySpecBeginSearchType begin_search_type;
    union {
        struct {
            int pos;        /* argv index of the first key */
        } index;
        struct {
            const char *keyword; /* keys follow this word */
            int startfrom;  /* where to look for it; negative = from the end */
        } keyword;
    } bs;
    RedisModuleKeySpecFindKeysType find_keys_type;
    union {
        struct {
            int lastkey;    /* relative last key; negative counts from the end */
            int keystep;    /* distance between keys */
            int limit;      /* with lastkey -1: use 1/limit of the rest */
        } range;
        struct {
            int keynumidx;  /* relative index of the key count argument */
            int firstkey;   /* relative index of the first key */
            int keystep;    /* distance between keys */
        } keynum;
    } fk;
} RedisModuleCommandKeySpec;

/* Tells the server which struct sizes the module was compiled with, so it
 * can walk the module's arrays even when a newer header grew the structs. */
typedef struct {
    int version;
    size_t sizeof_historyentry;
    size_t sizeof_keyspec;
    size_t sizeof_arg;
} RedisModuleCommandInfoVersion;

static const RedisModuleCommandInfoVersion RedisModule_CurrentCommandInfoVersion = {
    .version = 1,
    .sizeof_historyentry = sizeof(RedisModuleCommandHistoryEntry),
    .sizeof_keyspec = sizeof(RedisModuleCommandKeySpec),
    .sizeof_arg = sizeof(RedisModuleCommandArg),
};

#define REDISMODULE_COMMAND_INFO_VERSION (&RedisModule_CurrentCommandInfoVersion)

/* Everything SetCommandInfo accepts. Set .version to
 * REDISMODULE_COMMAND_INFO_VERSION; every other field may be left zero. */
typedef struct {
    const RedisModuleCommandInfoVersion *version;
    const char *summary;
    const char *complexity;
    const char *since;
    RedisModuleCommandHistoryEntry *history;
    const char *tips;       /* space-separated hints for clients and proxies */
    int arity;              /* -N means at least N */
    RedisModuleCommandKeySpec *key_specs;
    RedisModuleCommandArg *args;
} RedisModuleCommandInfo;

/* ---- Event loop (EventLoopAdd) ------------------------------------------ */

#define REDISMODULE_EVENTLOOP_READABLE 1
#define REDISMODULE_EVENTLOOP_WRITABLE 2
typedef void (*RedisModuleEventLoopFunc)(int fd, void *user_data, int mask);
typedef void (*RedisModuleEventLoopOneShotFunc)(void *user_data);

/* ---- Server events (SubscribeToServerEvent) ----------------------------- */

/* Event ids. Modules subscribe with the RedisModuleEvent_* values below. */
#define REDISMODULE_EVENT_REPLICATION_ROLE_CHANGED 0
#define REDISMODULE_EVENT_PERSISTENCE 1
#define REDISMODULE_EVENT_FLUSHDB 2
#define REDISMODULE_EVENT_LOADING 3
#define REDISMODULE_EVENT_CLIENT_CHANGE 4
#define REDISMODULE_EVENT_SHUTDOWN 5
#define REDISMODULE_EVENT_REPLICA_CHANGE 6
#define REDISMODULE_EVENT_MASTER_LINK_CHANGE 7
#define REDISMODULE_EVENT_CRON_LOOP 8
#define REDISMODULE_EVENT_MODULE_CHANGE 9
#define REDISMODULE_EVENT_LOADING_PROGRESS 10
#define REDISMODULE_EVENT_SWAPDB 11
#define REDISMODULE_EVENT_REPL_BACKUP 12 /* accepted, never fired (since 7.0) */
#define REDISMODULE_EVENT_FORK_CHILD 13
#define REDISMODULE_EVENT_REPL_ASYNC_LOAD 14
#define REDISMODULE_EVENT_EVENTLOOP 15
#define REDISMODULE_EVENT_CONFIG 16
#define REDISMODULE_EVENT_KEY 17
#define _REDISMODULE_EVENT_NEXT 18

/* An event id plus the version of the data struct the module expects.
 * Passed by value; the callback receives exactly the struct subscribed with. */
typedef struct RedisModuleEvent {
    uint64_t id;
    uint64_t dataver;
} RedisModuleEvent;

struct RedisModuleCtx;
struct RedisModuleDefragCtx;
typedef void (*RedisModuleEventCallback)(struct RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t subevent, void *data);

/* A later data version gets a new name (e.g. ..._FlushDBV2) so that modules
 * built with a newer header still subscribe to version 1 by default. */
static const RedisModuleEvent RedisModuleEvent_ReplicationRoleChanged = {REDISMODULE_EVENT_REPLICATION_ROLE_CHANGED, 1};
static const RedisModuleEvent RedisModuleEvent_Persistence = {REDISMODULE_EVENT_PERSISTENCE, 1};
static const RedisModuleEvent RedisModuleEvent_FlushDB = {REDISMODULE_EVENT_FLUSHDB, 1};
static const RedisModuleEvent RedisModuleEvent_Loading = {REDISMODULE_EVENT_LOADING, 1};
static const RedisModuleEvent RedisModuleEvent_ClientChange = {REDISMODULE_EVENT_CLIENT_CHANGE, 1};
static const RedisModuleEvent RedisModuleEvent_Shutdown = {REDISMODULE_EVENT_SHUTDOWN, 1};
static const RedisModuleEvent RedisModuleEvent_ReplicaChange = {REDISMODULE_EVENT_REPLICA_CHANGE, 1};
static const RedisModuleEvent RedisModuleEvent_CronLoop = {REDISMODULE_EVENT_CRON_LOOP, 1};
static const RedisModuleEvent RedisModuleEvent_MasterLinkChange = {REDISMODULE_EVENT_MASTER_LINK_CHANGE, 1};
static const RedisModuleEvent RedisModuleEvent_ModuleChange = {REDISMODULE_EVENT_MODULE_CHANGE, 1};
static const RedisModuleEvent RedisModuleEvent_LoadingProgress = {REDISMODULE_EVENT_LOADING_PROGRESS, 1};
static const RedisModuleEvent RedisModuleEvent_SwapDB = {REDISMODULE_EVENT_SWAPDB, 1};
/* Deprecated: still accepted by SubscribeToServerEvent, never fired. */
static const RedisModuleEvent RedisModuleEvent_ReplBackup __attribute__((deprecated)) = {REDISMODULE_EVENT_REPL_BACKUP, 1};
static const RedisModuleEvent RedisModuleEvent_ReplAsyncLoad = {REDISMODULE_EVENT_REPL_ASYNC_LOAD, 1};
static const RedisModuleEvent RedisModuleEvent_ForkChild = {REDISMODULE_EVENT_FORK_CHILD, 1};
static const RedisModuleEvent RedisModuleEvent_EventLoop = {REDISMODULE_EVENT_EVENTLOOP, 1};
static const RedisModuleEvent RedisModuleEvent_Config = {REDISMODULE_EVENT_CONFIG, 1};
static const RedisModuleEvent RedisModuleEvent_Key = {REDISMODULE_EVENT_KEY, 1};

/* Subevents, one group per event. The _NEXT value is one past the last. */
/* Persistence */
#define REDISMODULE_SUBEVENT_PERSISTENCE_RDB_START 0
#define REDISMODULE_SUBEVENT_PERSISTENCE_AOF_START 1
#define REDISMODULE_SUBEVENT_PERSISTENCE_SYNC_RDB_START 2
#define REDISMODULE_SUBEVENT_PERSISTENCE_ENDED 3
#define REDISMODULE_SUBEVENT_PERSISTENCE_FAILED 4
#define REDISMODULE_SUBEVENT_PERSISTENCE_SYNC_AOF_START 5
#define _REDISMODULE_SUBEVENT_PERSISTENCE_NEXT 6
/* Loading */
#define REDISMODULE_SUBEVENT_LOADING_RDB_START 0
#define REDISMODULE_SUBEVENT_LOADING_AOF_START 1
#define REDISMODULE_SUBEVENT_LOADING_REPL_START 2
#define REDISMODULE_SUBEVENT_LOADING_ENDED 3
#define REDISMODULE_SUBEVENT_LOADING_FAILED 4
#define _REDISMODULE_SUBEVENT_LOADING_NEXT 5
/* ClientChange */
#define REDISMODULE_SUBEVENT_CLIENT_CHANGE_CONNECTED 0
#define REDISMODULE_SUBEVENT_CLIENT_CHANGE_DISCONNECTED 1
#define _REDISMODULE_SUBEVENT_CLIENT_CHANGE_NEXT 2
/* MasterLinkChange */
#define REDISMODULE_SUBEVENT_MASTER_LINK_UP 0
#define REDISMODULE_SUBEVENT_MASTER_LINK_DOWN 1
#define _REDISMODULE_SUBEVENT_MASTER_NEXT 2
/* ReplicaChange */
#define REDISMODULE_SUBEVENT_REPLICA_CHANGE_ONLINE 0
#define REDISMODULE_SUBEVENT_REPLICA_CHANGE_OFFLINE 1
#define _REDISMODULE_SUBEVENT_REPLICA_CHANGE_NEXT 2
/* ReplicationRoleChanged (note the EVENT_ prefix) */
#define REDISMODULE_EVENT_REPLROLECHANGED_NOW_MASTER 0
#define REDISMODULE_EVENT_REPLROLECHANGED_NOW_REPLICA 1
#define _REDISMODULE_EVENT_REPLROLECHANGED_NEXT 2
/* FlushDB */
#define REDISMODULE_SUBEVENT_FLUSHDB_START 0
#define REDISMODULE_SUBEVENT_FLUSHDB_END 1
#define _REDISMODULE_SUBEVENT_FLUSHDB_NEXT 2
/* ModuleChange */
#define REDISMODULE_SUBEVENT_MODULE_LOADED 0
#define REDISMODULE_SUBEVENT_MODULE_UNLOADED 1
#define _REDISMODULE_SUBEVENT_MODULE_NEXT 2
/* Config */
#define REDISMODULE_SUBEVENT_CONFIG_CHANGE 0
#define _REDISMODULE_SUBEVENT_CONFIG_NEXT 1
/* LoadingProgress */
#define REDISMODULE_SUBEVENT_LOADING_PROGRESS_RDB 0
#define REDISMODULE_SUBEVENT_LOADING_PROGRESS_AOF 1
#define _REDISMODULE_SUBEVENT_LOADING_PROGRESS_NEXT 2
/* ReplBackup (deprecated, never fired) */
#define REDISMODULE_SUBEVENT_REPL_BACKUP_CREATE 0
#define REDISMODULE_SUBEVENT_REPL_BACKUP_RESTORE 1
#define REDISMODULE_SUBEVENT_REPL_BACKUP_DISCARD 2
#define _REDISMODULE_SUBEVENT_REPL_BACKUP_NEXT 3
/* ReplAsyncLoad */
#define REDISMODULE_SUBEVENT_REPL_ASYNC_LOAD_STARTED 0
#define REDISMODULE_SUBEVENT_REPL_ASYNC_LOAD_ABORTED 1
#define REDISMODULE_SUBEVENT_REPL_ASYNC_LOAD_COMPLETED 2
#define _REDISMODULE_SUBEVENT_REPL_ASYNC_LOAD_NEXT 3
/* ForkChild */
#define REDISMODULE_SUBEVENT_FORK_CHILD_BORN 0
#define REDISMODULE_SUBEVENT_FORK_CHILD_DIED 1
#define _REDISMODULE_SUBEVENT_FORK_CHILD_NEXT 2
/* EventLoop */
#define REDISMODULE_SUBEVENT_EVENTLOOP_BEFORE_SLEEP 0
#define REDISMODULE_SUBEVENT_EVENTLOOP_AFTER_SLEEP 1
#define _REDISMODULE_SUBEVENT_EVENTLOOP_NEXT 2
/* Key */
#define REDISMODULE_SUBEVENT_KEY_DELETED 0
#define REDISMODULE_SUBEVENT_KEY_EXPIRED 1
#define REDISMODULE_SUBEVENT_KEY_EVICTED 2
#define REDISMODULE_SUBEVENT_KEY_OVERWRITTEN 3
#define _REDISMODULE_SUBEVENT_KEY_NEXT 4
/* Events without subevents. */
#define _REDISMODULE_SUBEVENT_SHUTDOWN_NEXT 0
#define _REDISMODULE_SUBEVENT_CRON_LOOP_NEXT 0
#define _REDISMODULE_SUBEVENT_SWAPDB_NEXT 0

/* ---- Event data structs ------------------------------------------------- */

/* Every struct starts with a version word. Each is defined under a V1 name
 * and the plain name is a macro for the newest version, so a module can keep
 * using an older layout explicitly. */

/* RedisModuleClientInfo flags. */
#define REDISMODULE_CLIENTINFO_FLAG_SSL (1<<0)
#define REDISMODULE_CLIENTINFO_FLAG_PUBSUB (1<<1)
#define REDISMODULE_CLIENTINFO_FLAG_BLOCKED (1<<2)
#define REDISMODULE_CLIENTINFO_FLAG_TRACKING (1<<3)
#define REDISMODULE_CLIENTINFO_FLAG_UNIXSOCKET (1<<4)
#define REDISMODULE_CLIENTINFO_FLAG_MULTI (1<<5)

/* ClientChange data, and what GetClientInfoById fills (set version first). */
#define REDISMODULE_CLIENTINFO_VERSION 1
typedef struct RedisModuleClientInfo {
    uint64_t version;       /* layout version, 1 */
    uint64_t flags;         /* REDISMODULE_CLIENTINFO_FLAG_* */
    uint64_t id;            /* client id */
    char addr[46];          /* peer IP text, IPv4 or IPv6 */
    uint16_t port;          /* peer TCP port */
    uint16_t db;            /* selected database */
} RedisModuleClientInfoV1;
#define RedisModuleClientInfo RedisModuleClientInfoV1
#define REDISMODULE_CLIENTINFO_INITIALIZER_V1 { .version = 1 }

/* ReplicationRoleChanged data. */
#define REDISMODULE_REPLICATIONINFO_VERSION 1
typedef struct RedisModuleReplicationInfo {
    uint64_t version;
    int master;             /* non-zero when we became a master */
    char *masterhost;       /* with NOW_REPLICA: our master's host */
    int masterport;         /* with NOW_REPLICA: our master's port */
    char *replid1;          /* current replication id */
    char *replid2;          /* previous replication id */
    uint64_t repl1_offset;  /* offset in replid1 */
    uint64_t repl2_offset;  /* offset up to which replid2 is valid */
} RedisModuleReplicationInfoV1;
#define RedisModuleReplicationInfo RedisModuleReplicationInfoV1

/* FlushDB data. */
#define REDISMODULE_FLUSHINFO_VERSION 1
typedef struct RedisModuleFlushInfo {
    uint64_t version;
    int32_t sync;           /* non-zero for a synchronous flush */
    int32_t dbnum;          /* database flushed, or -1 for all of them */
} RedisModuleFlushInfoV1;
#define RedisModuleFlushInfo RedisModuleFlushInfoV1

/* ModuleChange data. */
#define REDISMODULE_MODULE_CHANGE_VERSION 1
typedef struct RedisModuleModuleChange {
    uint64_t version;
    const char *module_name; /* the module loaded or unloaded */
    int32_t module_version;
} RedisModuleModuleChangeV1;
#define RedisModuleModuleChange RedisModuleModuleChangeV1

/* Config data. */
#define REDISMODULE_CONFIGCHANGE_VERSION 1
typedef struct RedisModuleConfigChange {
    uint64_t version;
    uint32_t num_changes;   /* entries in config_names */
    const char **config_names; /* names of the configs that changed */
} RedisModuleConfigChangeV1;
#define RedisModuleConfigChange RedisModuleConfigChangeV1

/* CronLoop data. */
#define REDISMODULE_CRON_LOOP_VERSION 1
typedef struct RedisModuleCronLoopInfo {
    uint64_t version;
    int32_t hz;             /* current cron frequency */
} RedisModuleCronLoopV1;
#define RedisModuleCronLoop RedisModuleCronLoopV1

/* LoadingProgress data. */
#define REDISMODULE_LOADING_PROGRESS_VERSION 1
typedef struct RedisModuleLoadingProgressInfo {
    uint64_t version;
    int32_t hz;             /* current cron frequency */
    int32_t progress;       /* 0..1024, or -1 when unknown */
} RedisModuleLoadingProgressV1;
#define RedisModuleLoadingProgress RedisModuleLoadingProgressV1

/* SwapDB data. */
#define REDISMODULE_SWAPDBINFO_VERSION 1
typedef struct RedisModuleSwapDbInfo {
    uint64_t version;
    int32_t dbnum_first;
    int32_t dbnum_second;
} RedisModuleSwapDbInfoV1;
#define RedisModuleSwapDbInfo RedisModuleSwapDbInfoV1

/* Key event data. */
#define REDISMODULE_KEYINFO_VERSION 1
typedef struct RedisModuleKeyInfo {
    uint64_t version;
    RedisModuleKey *key;    /* the key, open for reading */
} RedisModuleKeyInfoV1;
#define RedisModuleKeyInfo RedisModuleKeyInfoV1

/* Why ACLAddLogEntry records a denial. */
typedef enum {
    REDISMODULE_ACL_LOG_AUTH = 0,
    REDISMODULE_ACL_LOG_CMD,
    REDISMODULE_ACL_LOG_KEY,
    REDISMODULE_ACL_LOG_CHANNEL
} RedisModuleACLLogEntryReason;

/* ---- Opaque handles and callback types ---------------------------------- */

typedef struct RedisModuleIO RedisModuleIO;
typedef struct RedisModuleDigest RedisModuleDigest;
typedef struct RedisModuleInfoCtx RedisModuleInfoCtx;
typedef struct RedisModuleDefragCtx RedisModuleDefragCtx;
typedef struct RedisModuleCtx RedisModuleCtx;
typedef struct RedisModuleCommand RedisModuleCommand;
typedef struct RedisModuleCallReply RedisModuleCallReply;
typedef struct RedisModuleType RedisModuleType;
typedef struct RedisModuleBlockedClient RedisModuleBlockedClient;
typedef struct RedisModuleClusterInfo RedisModuleClusterInfo;
typedef struct RedisModuleDict RedisModuleDict;
typedef struct RedisModuleDictIter RedisModuleDictIter;
typedef struct RedisModuleCommandFilterCtx RedisModuleCommandFilterCtx;
typedef struct RedisModuleCommandFilter RedisModuleCommandFilter;
typedef struct RedisModuleServerInfoData RedisModuleServerInfoData;
typedef struct RedisModuleScanCursor RedisModuleScanCursor;
typedef struct RedisModuleUser RedisModuleUser;
typedef struct RedisModuleKeyOptCtx RedisModuleKeyOptCtx;
typedef struct RedisModuleRdbStream RedisModuleRdbStream;

/* Callbacks the server invokes. The parameter names say what is passed. */
typedef void (*RedisModuleInfoFunc)(RedisModuleInfoCtx *ctx, int for_crash_report);
typedef void (*RedisModuleDefragFunc)(RedisModuleDefragCtx *ctx);
typedef void (*RedisModuleUserChangedFunc)(uint64_t client_id, void *privdata);
typedef int (*RedisModuleCmdFunc)(RedisModuleCtx *ctx, RedisModuleString **argv, int argc);
typedef void (*RedisModuleDisconnectFunc)(RedisModuleCtx *ctx, RedisModuleBlockedClient *bc);
typedef int (*RedisModuleNotificationFunc)(RedisModuleCtx *ctx, int type, const char *event, RedisModuleString *key);
typedef void (*RedisModulePostNotificationJobFunc)(RedisModuleCtx *ctx, void *pd);
typedef void *(*RedisModuleTypeLoadFunc)(RedisModuleIO *rdb, int encver);
typedef void (*RedisModuleTypeSaveFunc)(RedisModuleIO *rdb, void *value);
typedef int (*RedisModuleTypeAuxLoadFunc)(RedisModuleIO *rdb, int encver, int when);
typedef void (*RedisModuleTypeAuxSaveFunc)(RedisModuleIO *rdb, int when);
typedef void (*RedisModuleTypeRewriteFunc)(RedisModuleIO *aof, RedisModuleString *key, void *value);
typedef size_t (*RedisModuleTypeMemUsageFunc)(const void *value);
typedef size_t (*RedisModuleTypeMemUsageFunc2)(RedisModuleKeyOptCtx *ctx, const void *value, size_t sample_size);
typedef void (*RedisModuleTypeDigestFunc)(RedisModuleDigest *digest, void *value);
typedef void (*RedisModuleTypeFreeFunc)(void *value);
typedef size_t (*RedisModuleTypeFreeEffortFunc)(RedisModuleString *key, const void *value);
typedef size_t (*RedisModuleTypeFreeEffortFunc2)(RedisModuleKeyOptCtx *ctx, const void *value);
typedef void (*RedisModuleTypeUnlinkFunc)(RedisModuleString *key, const void *value);
typedef void (*RedisModuleTypeUnlinkFunc2)(RedisModuleKeyOptCtx *ctx, const void *value);
typedef void *(*RedisModuleTypeCopyFunc)(RedisModuleString *fromkey, RedisModuleString *tokey, const void *value);
typedef void *(*RedisModuleTypeCopyFunc2)(RedisModuleKeyOptCtx *ctx, const void *value);
typedef int (*RedisModuleTypeDefragFunc)(RedisModuleDefragCtx *ctx, RedisModuleString *key, void **value);
typedef void (*RedisModuleClusterMessageReceiver)(RedisModuleCtx *ctx, const char *sender_id, uint8_t type, const unsigned char *payload, uint32_t len);
typedef void (*RedisModuleTimerProc)(RedisModuleCtx *ctx, void *data);
typedef void (*RedisModuleCommandFilterFunc)(RedisModuleCommandFilterCtx *filter);
typedef void (*RedisModuleForkDoneHandler)(int exitcode, int bysignal, void *user_data);
typedef void (*RedisModuleScanCB)(RedisModuleCtx *ctx, RedisModuleString *keyname, RedisModuleKey *key, void *privdata);
typedef void (*RedisModuleScanKeyCB)(RedisModuleKey *key, RedisModuleString *field, RedisModuleString *value, void *privdata);
typedef RedisModuleString *(*RedisModuleConfigGetStringFunc)(const char *name, void *privdata);
typedef long long (*RedisModuleConfigGetNumericFunc)(const char *name, void *privdata);
typedef int (*RedisModuleConfigGetBoolFunc)(const char *name, void *privdata);
typedef int (*RedisModuleConfigGetEnumFunc)(const char *name, void *privdata);
typedef int (*RedisModuleConfigSetStringFunc)(const char *name, RedisModuleString *val, void *privdata, RedisModuleString **err);
typedef int (*RedisModuleConfigSetNumericFunc)(const char *name, long long val, void *privdata, RedisModuleString **err);
typedef int (*RedisModuleConfigSetBoolFunc)(const char *name, int val, void *privdata, RedisModuleString **err);
typedef int (*RedisModuleConfigSetEnumFunc)(const char *name, int val, void *privdata, RedisModuleString **err);
typedef int (*RedisModuleConfigApplyFunc)(RedisModuleCtx *ctx, void *privdata, RedisModuleString **err);
typedef void (*RedisModuleOnUnblocked)(RedisModuleCtx *ctx, RedisModuleCallReply *reply, void *private_data);
typedef int (*RedisModuleAuthCallback)(RedisModuleCtx *ctx, RedisModuleString *username, RedisModuleString *password, RedisModuleString **err);

/* ---- Module data type methods (CreateDataType) -------------------------- */

/* Set .version to REDISMODULE_TYPE_METHOD_VERSION. The server reads only the
 * members that existed in the version given, as noted per group. */
typedef struct RedisModuleTypeMethods {
    uint64_t version;
    /* version 1 */
    RedisModuleTypeLoadFunc rdb_load;
    RedisModuleTypeSaveFunc rdb_save;
    RedisModuleTypeRewriteFunc aof_rewrite;
    RedisModuleTypeMemUsageFunc mem_usage;
    RedisModuleTypeDigestFunc digest;
    RedisModuleTypeFreeFunc free;
    /* version 2 */
    RedisModuleTypeAuxLoadFunc aux_load;
    RedisModuleTypeAuxSaveFunc aux_save;
    int aux_save_triggers;  /* REDISMODULE_AUX_* */
    /* version 3 */
    RedisModuleTypeFreeEffortFunc free_effort;
    RedisModuleTypeUnlinkFunc unlink;
    RedisModuleTypeCopyFunc copy;
    RedisModuleTypeDefragFunc defrag;
    /* version 4 */
    RedisModuleTypeMemUsageFunc2 mem_usage2;
    RedisModuleTypeFreeEffortFunc2 free_effort2;
    RedisModuleTypeUnlinkFunc2 unlink2;
    RedisModuleTypeCopyFunc2 copy2;
    /* version 5 */
    RedisModuleTypeAuxSaveFunc aux_save2;
} RedisModuleTypeMethods;

/* ---- Compiler attributes ------------------------------------------------ */

#ifndef REDISMODULE_ATTR_UNUSED
#  ifdef __GNUC__
#    define REDISMODULE_ATTR_UNUSED __attribute__((unused))
#  else
#    define REDISMODULE_ATTR_UNUSED
#  endif
#endif

#ifndef REDISMODULE_ATTR_PRINTF
#  ifdef __GNUC__
#    define REDISMODULE_ATTR_PRINTF(idx,cnt) __attribute__((format(printf,idx,cnt)))
#  else
#    define REDISMODULE_ATTR_PRINTF(idx,cnt)
#  endif
#endif

/* Pointer variables are "common" symbols: every translation unit of a module
 * may include this header and they merge into one zero-filled variable. */
#ifndef REDISMODULE_ATTR_COMMON
#  if defined(__GNUC__) && !(defined(__clang__) && defined(__cplusplus))
#    define REDISMODULE_ATTR_COMMON __attribute__((__common__))
#  else
#    define REDISMODULE_ATTR_COMMON
#  endif
#endif

/* ========================================================================
 * Part 2: the API, as function pointers (modules only)
 * ======================================================================== */
#if !defined REDISMODULE_CORE || defined REDISMODULE_CORE_MODULE

/* A module may predefine REDISMODULE_API (e.g. as extern) and
 * REDISMODULE_ATTR to change how the pointers are declared. */
#ifndef REDISMODULE_API
#define REDISMODULE_API
#endif

#ifndef REDISMODULE_ATTR
#define REDISMODULE_ATTR REDISMODULE_ATTR_COMMON
#endif

/* Fetches RedisModule_<name> through RedisModule_GetApi; a name the server
 * lacks leaves the pointer as it was (NULL unless set before). */
#define REDISMODULE_GET_API(name) \
    RedisModule_GetApi("RedisModule_" #name, (void *)&RedisModule_ ## name)

/* ---- API lookup ---------------------------------------------------------- */

/* Looks up an API function by its full "RedisModule_" name and stores it in *out; ERR if the server lacks it. */
REDISMODULE_API int (*RedisModule_GetApi)(const char *, void *) REDISMODULE_ATTR;

/* ---- Heap allocation raw functions --------------------------------------- */

/* Allocates bytes from the server's accounted heap; never returns NULL (out of memory is fatal). */
REDISMODULE_API void *(*RedisModule_Alloc)(size_t bytes) REDISMODULE_ATTR;
/* Like Alloc, but returns NULL instead of aborting when memory runs out. */
REDISMODULE_API void *(*RedisModule_TryAlloc)(size_t bytes) REDISMODULE_ATTR;
/* Allocates nmemb*size zeroed bytes from the accounted heap. */
REDISMODULE_API void *(*RedisModule_Calloc)(size_t nmemb, size_t size) REDISMODULE_ATTR;
/* Resizes a block obtained from Alloc/Calloc/Realloc, keeping its contents. */
REDISMODULE_API void *(*RedisModule_Realloc)(void *ptr, size_t bytes) REDISMODULE_ATTR;
/* Releases a block obtained from the module allocators; NULL is ignored. */
REDISMODULE_API void (*RedisModule_Free)(void *ptr) REDISMODULE_ATTR;
/* Copies a NUL-terminated string into memory from Alloc. */
REDISMODULE_API char *(*RedisModule_Strdup)(const char *str) REDISMODULE_ATTR;
/* Allocates short-lived memory that the server frees when the command callback returns. */
REDISMODULE_API void *(*RedisModule_PoolAlloc)(RedisModuleCtx *ctx, size_t bytes) REDISMODULE_ATTR;

/* ---- Commands API -------------------------------------------------------- */

/* True while the command is called only to report its key positions (getkeys-api). */
REDISMODULE_API int (*RedisModule_IsKeysPositionRequest)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* During a key-position request, reports argv[pos] as a key with REDISMODULE_CMD_KEY_* flags. */
REDISMODULE_API void (*RedisModule_KeyAtPosWithFlags)(RedisModuleCtx *ctx, int pos, int flags) REDISMODULE_ATTR;
/* During a key-position request, reports argv[pos] as a key. */
REDISMODULE_API void (*RedisModule_KeyAtPos)(RedisModuleCtx *ctx, int pos) REDISMODULE_ATTR;
/* True while the command is called only to report its channel positions (getchannels-api). */
REDISMODULE_API int (*RedisModule_IsChannelsPositionRequest)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* During a channel-position request, reports argv[pos] as a channel with REDISMODULE_CMD_CHANNEL_* flags. */
REDISMODULE_API void (*RedisModule_ChannelAtPosWithFlags)(RedisModuleCtx *ctx, int pos, int flags) REDISMODULE_ATTR;
/* Registers a top-level command with its handler, flag string and legacy key range; OnLoad only. */
REDISMODULE_API int (*RedisModule_CreateCommand)(RedisModuleCtx *ctx, const char *name, RedisModuleCmdFunc cmdfunc, const char *strflags, int firstkey, int lastkey, int keystep) REDISMODULE_ATTR;
/* Finds a command this module registered, by name; NULL if absent. */
REDISMODULE_API RedisModuleCommand *(*RedisModule_GetCommand)(RedisModuleCtx *ctx, const char *name) REDISMODULE_ATTR;
/* Registers a subcommand under a container command created with a NULL handler. */
REDISMODULE_API int (*RedisModule_CreateSubcommand)(RedisModuleCommand *parent, const char *name, RedisModuleCmdFunc cmdfunc, const char *strflags, int firstkey, int lastkey, int keystep) REDISMODULE_ATTR;
/* Adds ACL categories (space separated) to a module command. */
REDISMODULE_API int (*RedisModule_SetCommandACLCategories)(RedisModuleCommand *command, const char *ctgrsflags) REDISMODULE_ATTR;
/* Attaches documentation, arity, key specs and arguments to a module command. */
REDISMODULE_API int (*RedisModule_SetCommandInfo)(RedisModuleCommand *command, const RedisModuleCommandInfo *info) REDISMODULE_ATTR;

/* ---- Module information and time measurement ----------------------------- */

/* Records the module's name, version and API version; called by RedisModule_Init. */
REDISMODULE_API void (*RedisModule_SetModuleAttribs)(RedisModuleCtx *ctx, const char *name, int ver, int apiver) REDISMODULE_ATTR;
/* True if a module with this name is already loaded. */
REDISMODULE_API int (*RedisModule_IsModuleNameBusy)(const char *name) REDISMODULE_ATTR;
/* Wall-clock time in milliseconds since the Unix epoch. */
REDISMODULE_API mstime_t (*RedisModule_Milliseconds)(void) REDISMODULE_ATTR;
/* Microseconds from an arbitrary fixed point on a monotonic clock. */
REDISMODULE_API uint64_t (*RedisModule_MonotonicMicroseconds)(void) REDISMODULE_ATTR;
/* Wall-clock time in microseconds since the Unix epoch. */
REDISMODULE_API ustime_t (*RedisModule_Microseconds)(void) REDISMODULE_ATTR;
/* The wall-clock microsecond time cached when the current command began. */
REDISMODULE_API ustime_t (*RedisModule_CachedMicroseconds)(void) REDISMODULE_ATTR;
/* Starts a timing interval whose length is added to the blocked command's statistics. */
REDISMODULE_API int (*RedisModule_BlockedClientMeasureTimeStart)(RedisModuleBlockedClient *bc) REDISMODULE_ATTR;
/* Ends the timing interval begun by BlockedClientMeasureTimeStart. */
REDISMODULE_API int (*RedisModule_BlockedClientMeasureTimeEnd)(RedisModuleBlockedClient *bc) REDISMODULE_ATTR;
/* Lets the server serve events (and optionally clients) during a long-running operation. */
REDISMODULE_API void (*RedisModule_Yield)(RedisModuleCtx *ctx, int flags, const char *busy_reply) REDISMODULE_ATTR;
/* Sets REDISMODULE_OPTIONS_* bits for the calling module. */
REDISMODULE_API void (*RedisModule_SetModuleOptions)(RedisModuleCtx *ctx, int options) REDISMODULE_ATTR;
/* Invalidates WATCH and client-side caching for a key, as if a command modified it. */
REDISMODULE_API int (*RedisModule_SignalModifiedKey)(RedisModuleCtx *ctx, RedisModuleString *keyname) REDISMODULE_ATTR;

/* ---- Automatic memory management for modules ----------------------------- */

/* Turns on automatic freeing of strings, keys and replies when the callback returns. */
REDISMODULE_API void (*RedisModule_AutoMemory)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- String objects APIs ------------------------------------------------- */

/* Makes a new string holding a copy of len bytes. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateString)(RedisModuleCtx *ctx, const char *ptr, size_t len) REDISMODULE_ATTR;
/* Makes a new string from a printf-style format. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringPrintf)(RedisModuleCtx *ctx, const char *fmt, ...) REDISMODULE_ATTR_PRINTF(2,3) REDISMODULE_ATTR;
/* Makes a new string holding the decimal form of a signed integer. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromLongLong)(RedisModuleCtx *ctx, long long ll) REDISMODULE_ATTR;
/* Makes a new string holding the decimal form of an unsigned integer. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromULongLong)(RedisModuleCtx *ctx, unsigned long long ull) REDISMODULE_ATTR;
/* Makes a new string holding the shortest text form of a double. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromDouble)(RedisModuleCtx *ctx, double d) REDISMODULE_ATTR;
/* Makes a new string from a long double, optionally in human-friendly notation. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromLongDouble)(RedisModuleCtx *ctx, long double ld, int humanfriendly) REDISMODULE_ATTR;
/* Makes an independent copy of a string. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromString)(RedisModuleCtx *ctx, const RedisModuleString *str) REDISMODULE_ATTR;
/* Makes a new string of the form "<ms>-<seq>" from a stream ID. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromStreamID)(RedisModuleCtx *ctx, const RedisModuleStreamID *id) REDISMODULE_ATTR;
/* Drops one reference to a string; frees it when none remain. */
REDISMODULE_API void (*RedisModule_FreeString)(RedisModuleCtx *ctx, RedisModuleString *str) REDISMODULE_ATTR;
/* Adds a reference so the string outlives automatic memory management. */
REDISMODULE_API void (*RedisModule_RetainString)(RedisModuleCtx *ctx, RedisModuleString *str) REDISMODULE_ATTR;
/* Returns a string the caller owns: the same one with a new reference, or a copy. */
REDISMODULE_API RedisModuleString *(*RedisModule_HoldString)(RedisModuleCtx *ctx, RedisModuleString *str) REDISMODULE_ATTR;
/* Returns the string's bytes and stores their count in *len when len is not NULL. */
REDISMODULE_API const char *(*RedisModule_StringPtrLen)(const RedisModuleString *str, size_t *len) REDISMODULE_ATTR;
/* Parses the whole string as a signed 64-bit integer; ERR on any junk or overflow. */
REDISMODULE_API int (*RedisModule_StringToLongLong)(const RedisModuleString *str, long long *ll) REDISMODULE_ATTR;
/* Parses the whole string as an unsigned 64-bit integer; ERR on any junk or overflow. */
REDISMODULE_API int (*RedisModule_StringToULongLong)(const RedisModuleString *str, unsigned long long *ull) REDISMODULE_ATTR;
/* Parses the whole string as a double; ERR on junk or NaN. */
REDISMODULE_API int (*RedisModule_StringToDouble)(const RedisModuleString *str, double *d) REDISMODULE_ATTR;
/* Parses the whole string as a long double; ERR on junk or NaN. */
REDISMODULE_API int (*RedisModule_StringToLongDouble)(const RedisModuleString *str, long double *d) REDISMODULE_ATTR;
/* Parses "<ms>-<seq>" (or "<ms>") into a stream ID. */
REDISMODULE_API int (*RedisModule_StringToStreamID)(const RedisModuleString *str, RedisModuleStreamID *id) REDISMODULE_ATTR;
/* Compares two strings byte-wise, returning <0, 0 or >0 like memcmp. */
REDISMODULE_API int (*RedisModule_StringCompare)(const RedisModuleString *a, const RedisModuleString *b) REDISMODULE_ATTR;
/* Appends bytes to a string that the caller holds the only reference to. */
REDISMODULE_API int (*RedisModule_StringAppendBuffer)(RedisModuleCtx *ctx, RedisModuleString *str, const char *buf, size_t len) REDISMODULE_ATTR;
/* Releases any slack capacity held by a string. */
REDISMODULE_API void (*RedisModule_TrimStringAllocation)(RedisModuleString *str) REDISMODULE_ATTR;

/* ---- Reply APIs ---------------------------------------------------------- */

/* Replies with the standard wrong-number-of-arguments error for the current command. */
REDISMODULE_API int (*RedisModule_WrongArity)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Replies with an integer. */
REDISMODULE_API int (*RedisModule_ReplyWithLongLong)(RedisModuleCtx *ctx, long long ll) REDISMODULE_ATTR;
/* Replies with an error; a leading "-" is optional and "ERR " is added when no code is given. */
REDISMODULE_API int (*RedisModule_ReplyWithError)(RedisModuleCtx *ctx, const char *err) REDISMODULE_ATTR;
/* Replies with an error built from a printf-style format. */
REDISMODULE_API int (*RedisModule_ReplyWithErrorFormat)(RedisModuleCtx *ctx, const char *fmt, ...) REDISMODULE_ATTR;
/* Replies with a status string that must not contain CR or LF. */
REDISMODULE_API int (*RedisModule_ReplyWithSimpleString)(RedisModuleCtx *ctx, const char *msg) REDISMODULE_ATTR;
/* Starts an array of len elements; pass REDISMODULE_POSTPONED_LEN to set it later. */
REDISMODULE_API int (*RedisModule_ReplyWithArray)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Starts a map of len pairs (a flat array of 2*len under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithMap)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Starts a set of len elements (an array under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithSet)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Starts an attribute of len pairs; RESP3 clients only. */
REDISMODULE_API int (*RedisModule_ReplyWithAttribute)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Replies with a null array (RESP2) or null (RESP3). */
REDISMODULE_API int (*RedisModule_ReplyWithNullArray)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Replies with an array of zero elements. */
REDISMODULE_API int (*RedisModule_ReplyWithEmptyArray)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Fills in the length of the innermost array started with a postponed length. */
REDISMODULE_API void (*RedisModule_ReplySetArrayLength)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Fills in the length of the innermost map started with a postponed length. */
REDISMODULE_API void (*RedisModule_ReplySetMapLength)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Fills in the length of the innermost set started with a postponed length. */
REDISMODULE_API void (*RedisModule_ReplySetSetLength)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Fills in the length of the innermost attribute started with a postponed length. */
REDISMODULE_API void (*RedisModule_ReplySetAttributeLength)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Declared for source compatibility only; Redis 7.2 never provides it, so it stays NULL. */
REDISMODULE_API void (*RedisModule_ReplySetPushLength)(RedisModuleCtx *ctx, long len) REDISMODULE_ATTR;
/* Replies with a bulk string of len bytes. */
REDISMODULE_API int (*RedisModule_ReplyWithStringBuffer)(RedisModuleCtx *ctx, const char *buf, size_t len) REDISMODULE_ATTR;
/* Replies with a bulk string from a NUL-terminated buffer. */
REDISMODULE_API int (*RedisModule_ReplyWithCString)(RedisModuleCtx *ctx, const char *buf) REDISMODULE_ATTR;
/* Replies with a bulk string holding a string object's bytes. */
REDISMODULE_API int (*RedisModule_ReplyWithString)(RedisModuleCtx *ctx, RedisModuleString *str) REDISMODULE_ATTR;
/* Replies with an empty bulk string. */
REDISMODULE_API int (*RedisModule_ReplyWithEmptyString)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Replies with a verbatim string of the given 3-letter type (bulk string under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithVerbatimStringType)(RedisModuleCtx *ctx, const char *buf, size_t len, const char *ext) REDISMODULE_ATTR;
/* Replies with a verbatim string of type "txt" (bulk string under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithVerbatimString)(RedisModuleCtx *ctx, const char *buf, size_t len) REDISMODULE_ATTR;
/* Replies with a null bulk (RESP2) or null (RESP3). */
REDISMODULE_API int (*RedisModule_ReplyWithNull)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Replies with a boolean (integer 0/1 under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithBool)(RedisModuleCtx *ctx, int b) REDISMODULE_ATTR;
/* Forwards a reply obtained from RedisModule_Call verbatim. */
REDISMODULE_API int (*RedisModule_ReplyWithCallReply)(RedisModuleCtx *ctx, RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* Replies with a double (a bulk string under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithDouble)(RedisModuleCtx *ctx, double d) REDISMODULE_ATTR;
/* Replies with a big number given as decimal text (bulk string under RESP2). */
REDISMODULE_API int (*RedisModule_ReplyWithBigNumber)(RedisModuleCtx *ctx, const char *bignum, size_t len) REDISMODULE_ATTR;
/* Replies with a long double as a bulk string of its human-friendly form. */
REDISMODULE_API int (*RedisModule_ReplyWithLongDouble)(RedisModuleCtx *ctx, long double d) REDISMODULE_ATTR;

/* ---- Commands replication API -------------------------------------------- */

/* Propagates the given command, built with RedisModule_Call's format letters, to AOF and replicas. */
REDISMODULE_API int (*RedisModule_Replicate)(RedisModuleCtx *ctx, const char *cmdname, const char *fmt, ...) REDISMODULE_ATTR;
/* Propagates the command being executed, exactly as the client sent it. */
REDISMODULE_API int (*RedisModule_ReplicateVerbatim)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- DB and Key APIs -- Generic API -------------------------------------- */

/* The ID of the client running the current command; 0 when there is none. */
REDISMODULE_API unsigned long long (*RedisModule_GetClientId)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* The ACL user name of the client with this ID, or NULL (errno set) if unknown. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetClientUserNameById)(RedisModuleCtx *ctx, uint64_t id) REDISMODULE_ATTR;
/* Fills a versioned RedisModuleClientInfo for a client ID; ci may be NULL to test existence. */
REDISMODULE_API int (*RedisModule_GetClientInfoById)(void *ci, uint64_t id) REDISMODULE_ATTR;
/* The CLIENT SETNAME name of the client with this ID, or NULL. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetClientNameById)(RedisModuleCtx *ctx, uint64_t id) REDISMODULE_ATTR;
/* Sets a client's name as CLIENT SETNAME does; ERR with errno on failure. */
REDISMODULE_API int (*RedisModule_SetClientNameById)(uint64_t id, RedisModuleString *name) REDISMODULE_ATTR;
/* Publishes a message to a channel, returning the number of receivers. */
REDISMODULE_API int (*RedisModule_PublishMessage)(RedisModuleCtx *ctx, RedisModuleString *channel, RedisModuleString *message) REDISMODULE_ATTR;
/* Publishes a message to a shard channel, returning the number of receivers. */
REDISMODULE_API int (*RedisModule_PublishMessageShard)(RedisModuleCtx *ctx, RedisModuleString *channel, RedisModuleString *message) REDISMODULE_ATTR;
/* The database number the context currently works on. */
REDISMODULE_API int (*RedisModule_GetSelectedDb)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* REDISMODULE_CTX_FLAGS_* bits describing the caller and the server state. */
REDISMODULE_API int (*RedisModule_GetContextFlags)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* True while a failover is pending and modules should not generate replica traffic. */
REDISMODULE_API int (*RedisModule_AvoidReplicaTraffic)(void) REDISMODULE_ATTR;
/* Switches the context to another database number. */
REDISMODULE_API int (*RedisModule_SelectDb)(RedisModuleCtx *ctx, int newid) REDISMODULE_ATTR;
/* True if the key exists, without touching its LRU/LFU or counting a hit. */
REDISMODULE_API int (*RedisModule_KeyExists)(RedisModuleCtx *ctx, RedisModuleString *keyname) REDISMODULE_ATTR;
/* Opens a key in READ and/or WRITE mode; NULL for a missing key opened read-only. */
REDISMODULE_API RedisModuleKey *(*RedisModule_OpenKey)(RedisModuleCtx *ctx, RedisModuleString *keyname, int mode) REDISMODULE_ATTR;
/* The mask of every OpenKey mode bit this server understands. */
REDISMODULE_API int (*RedisModule_GetOpenKeyModesAll)(void) REDISMODULE_ATTR;
/* Closes a key handle; NULL is ignored. */
REDISMODULE_API void (*RedisModule_CloseKey)(RedisModuleKey *kp) REDISMODULE_ATTR;
/* The REDISMODULE_KEYTYPE_* of an open key; EMPTY for NULL or a missing key. */
REDISMODULE_API int (*RedisModule_KeyType)(RedisModuleKey *kp) REDISMODULE_ATTR;
/* The element count (or string length) of the key's value; 0 if empty. */
REDISMODULE_API size_t (*RedisModule_ValueLength)(RedisModuleKey *kp) REDISMODULE_ATTR;
/* Deletes the key's value; the handle stays open in EMPTY state. */
REDISMODULE_API int (*RedisModule_DeleteKey)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Deletes the key's value, freeing it in the background when possible. */
REDISMODULE_API int (*RedisModule_UnlinkKey)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Remaining time to live in milliseconds, or REDISMODULE_NO_EXPIRE. */
REDISMODULE_API mstime_t (*RedisModule_GetExpire)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Sets the time to live in milliseconds, or removes it with REDISMODULE_NO_EXPIRE. */
REDISMODULE_API int (*RedisModule_SetExpire)(RedisModuleKey *key, mstime_t expire) REDISMODULE_ATTR;
/* Absolute expiry as a Unix time in milliseconds, or REDISMODULE_NO_EXPIRE. */
REDISMODULE_API mstime_t (*RedisModule_GetAbsExpire)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Sets an absolute expiry as a Unix time in milliseconds, or removes it. */
REDISMODULE_API int (*RedisModule_SetAbsExpire)(RedisModuleKey *key, mstime_t expire) REDISMODULE_ATTR;
/* Empties every database, like FLUSHALL, optionally restarting AOF and freeing asynchronously. */
REDISMODULE_API void (*RedisModule_ResetDataset)(int restart_aof, int async) REDISMODULE_ATTR;
/* Number of keys in the context's current database. */
REDISMODULE_API unsigned long long (*RedisModule_DbSize)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* A random key name from the current database, or NULL if it is empty. */
REDISMODULE_API RedisModuleString *(*RedisModule_RandomKey)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* The key name a type callback with a KeyOptCtx is working on. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetKeyNameFromOptCtx)(RedisModuleKeyOptCtx *ctx) REDISMODULE_ATTR;
/* The destination key name in a copy callback with a KeyOptCtx. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetToKeyNameFromOptCtx)(RedisModuleKeyOptCtx *ctx) REDISMODULE_ATTR;
/* The database of the key a type callback with a KeyOptCtx is working on. */
REDISMODULE_API int (*RedisModule_GetDbIdFromOptCtx)(RedisModuleKeyOptCtx *ctx) REDISMODULE_ATTR;
/* The destination database in a copy callback with a KeyOptCtx. */
REDISMODULE_API int (*RedisModule_GetToDbIdFromOptCtx)(RedisModuleKeyOptCtx *ctx) REDISMODULE_ATTR;

/* ---- Key API for String type --------------------------------------------- */

/* Replaces the key's value with a copy of a string; key must be open for writing. */
REDISMODULE_API int (*RedisModule_StringSet)(RedisModuleKey *key, RedisModuleString *str) REDISMODULE_ATTR;
/* Gives direct access to a string value's bytes, converting it to a raw string first if writing. */
REDISMODULE_API char *(*RedisModule_StringDMA)(RedisModuleKey *key, size_t *len, int mode) REDISMODULE_ATTR;
/* Resizes a string value, zero-filling when it grows; creates the key if empty. */
REDISMODULE_API int (*RedisModule_StringTruncate)(RedisModuleKey *key, size_t newlen) REDISMODULE_ATTR;

/* ---- Key API for List type ----------------------------------------------- */

/* Pushes an element at the head or tail of a list, creating it if needed. */
REDISMODULE_API int (*RedisModule_ListPush)(RedisModuleKey *kp, int where, RedisModuleString *ele) REDISMODULE_ATTR;
/* Pops an element from the head or tail; NULL if the list is empty or the type is wrong. */
REDISMODULE_API RedisModuleString *(*RedisModule_ListPop)(RedisModuleKey *key, int where) REDISMODULE_ATTR;
/* The element at an index (negative counts from the tail), or NULL with errno set. */
REDISMODULE_API RedisModuleString *(*RedisModule_ListGet)(RedisModuleKey *key, long index) REDISMODULE_ATTR;
/* Replaces the element at an index. */
REDISMODULE_API int (*RedisModule_ListSet)(RedisModuleKey *key, long index, RedisModuleString *value) REDISMODULE_ATTR;
/* Inserts before an index; an index equal to the length appends, -1 means after the last. */
REDISMODULE_API int (*RedisModule_ListInsert)(RedisModuleKey *key, long index, RedisModuleString *value) REDISMODULE_ATTR;
/* Removes the element at an index. */
REDISMODULE_API int (*RedisModule_ListDelete)(RedisModuleKey *key, long index) REDISMODULE_ATTR;

/* ---- Key API for Sorted Set type ----------------------------------------- */

/* Adds or updates a member's score, honouring REDISMODULE_ZADD_* input flags and reporting the outcome. */
REDISMODULE_API int (*RedisModule_ZsetAdd)(RedisModuleKey *key, double score, RedisModuleString *ele, int *flagsptr) REDISMODULE_ATTR;
/* Adds to a member's score (creating it if allowed) and returns the new score. */
REDISMODULE_API int (*RedisModule_ZsetIncrby)(RedisModuleKey *key, double score, RedisModuleString *ele, int *flagsptr, double *newscore) REDISMODULE_ATTR;
/* Removes a member, reporting in *deleted whether it was present. */
REDISMODULE_API int (*RedisModule_ZsetRem)(RedisModuleKey *key, RedisModuleString *ele, int *deleted) REDISMODULE_ATTR;
/* Reads a member's score; ERR if the member or key is absent. */
REDISMODULE_API int (*RedisModule_ZsetScore)(RedisModuleKey *key, RedisModuleString *ele, double *score) REDISMODULE_ATTR;

/* ---- Key API for Sorted Set iterator ------------------------------------- */

/* Ends the current sorted set iteration and releases its state. */
REDISMODULE_API void (*RedisModule_ZsetRangeStop)(RedisModuleKey *key) REDISMODULE_ATTR;
/* True once the iterator has passed the end of its range. */
REDISMODULE_API int (*RedisModule_ZsetRangeEndReached)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Positions the iterator on the first member in a score range. */
REDISMODULE_API int (*RedisModule_ZsetFirstInScoreRange)(RedisModuleKey *key, double min, double max, int minex, int maxex) REDISMODULE_ATTR;
/* Positions the iterator on the last member in a score range. */
REDISMODULE_API int (*RedisModule_ZsetLastInScoreRange)(RedisModuleKey *key, double min, double max, int minex, int maxex) REDISMODULE_ATTR;
/* Positions the iterator on the first member in a ZRANGEBYLEX-style range. */
REDISMODULE_API int (*RedisModule_ZsetFirstInLexRange)(RedisModuleKey *key, RedisModuleString *min, RedisModuleString *max) REDISMODULE_ATTR;
/* Positions the iterator on the last member in a ZRANGEBYLEX-style range. */
REDISMODULE_API int (*RedisModule_ZsetLastInLexRange)(RedisModuleKey *key, RedisModuleString *min, RedisModuleString *max) REDISMODULE_ATTR;
/* The member under the iterator (and its score), or NULL at the end. */
REDISMODULE_API RedisModuleString *(*RedisModule_ZsetRangeCurrentElement)(RedisModuleKey *key, double *score) REDISMODULE_ATTR;
/* Advances the iterator; false when no further member is in range. */
REDISMODULE_API int (*RedisModule_ZsetRangeNext)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Moves the iterator back; false when no earlier member is in range. */
REDISMODULE_API int (*RedisModule_ZsetRangePrev)(RedisModuleKey *key) REDISMODULE_ATTR;

/* ---- Key API for Hash type ----------------------------------------------- */

/* Sets or deletes fields given as NULL-terminated field/value pairs; returns how many changed. */
REDISMODULE_API int (*RedisModule_HashSet)(RedisModuleKey *key, int flags, ...) REDISMODULE_ATTR;
/* Reads fields given as NULL-terminated field/result-pointer pairs. */
REDISMODULE_API int (*RedisModule_HashGet)(RedisModuleKey *key, int flags, ...) REDISMODULE_ATTR;

/* ---- Key API for Stream type --------------------------------------------- */

/* Appends an entry with numfields field/value pairs, optionally choosing the ID. */
REDISMODULE_API int (*RedisModule_StreamAdd)(RedisModuleKey *key, int flags, RedisModuleStreamID *id, RedisModuleString **argv, int64_t numfields) REDISMODULE_ATTR;
/* Deletes the entry with the given ID. */
REDISMODULE_API int (*RedisModule_StreamDelete)(RedisModuleKey *key, RedisModuleStreamID *id) REDISMODULE_ATTR;
/* Starts iterating entries between two IDs (NULL means the open end). */
REDISMODULE_API int (*RedisModule_StreamIteratorStart)(RedisModuleKey *key, int flags, RedisModuleStreamID *startid, RedisModuleStreamID *endid) REDISMODULE_ATTR;
/* Ends the current stream iteration. */
REDISMODULE_API int (*RedisModule_StreamIteratorStop)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Moves to the next entry and returns its ID and field count. */
REDISMODULE_API int (*RedisModule_StreamIteratorNextID)(RedisModuleKey *key, RedisModuleStreamID *id, long *numfields) REDISMODULE_ATTR;
/* Returns the next field/value pair of the current entry. */
REDISMODULE_API int (*RedisModule_StreamIteratorNextField)(RedisModuleKey *key, RedisModuleString **field_ptr, RedisModuleString **value_ptr) REDISMODULE_ATTR;
/* Deletes the entry under the iterator. */
REDISMODULE_API int (*RedisModule_StreamIteratorDelete)(RedisModuleKey *key) REDISMODULE_ATTR;
/* Trims the stream to about/exactly length entries; returns the number removed. */
REDISMODULE_API long long (*RedisModule_StreamTrimByLength)(RedisModuleKey *key, int flags, long long length) REDISMODULE_ATTR;
/* Removes entries older than an ID; returns the number removed. */
REDISMODULE_API long long (*RedisModule_StreamTrimByID)(RedisModuleKey *key, int flags, RedisModuleStreamID *id) REDISMODULE_ATTR;

/* ---- Calling Redis commands from modules --------------------------------- */

/* Frees a call reply and all nested elements. */
REDISMODULE_API void (*RedisModule_FreeCallReply)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The REDISMODULE_REPLY_* type of a call reply; UNKNOWN for NULL. */
REDISMODULE_API int (*RedisModule_CallReplyType)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* Length of a string, array, set, map or attribute reply. */
REDISMODULE_API size_t (*RedisModule_CallReplyLength)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The idx-th element of an array reply, or NULL when out of range. */
REDISMODULE_API RedisModuleCallReply *(*RedisModule_CallReplyArrayElement)(RedisModuleCallReply *reply, size_t idx) REDISMODULE_ATTR;
/* The value of an integer reply, or LLONG_MIN for another type. */
REDISMODULE_API long long (*RedisModule_CallReplyInteger)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The value of a double reply, or 0.0 for another type. */
REDISMODULE_API double (*RedisModule_CallReplyDouble)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The decimal text of a big-number reply, or NULL. */
REDISMODULE_API const char *(*RedisModule_CallReplyBigNumber)(RedisModuleCallReply *reply, size_t *len) REDISMODULE_ATTR;
/* The text of a verbatim reply and its 3-letter format, or NULL. */
REDISMODULE_API const char *(*RedisModule_CallReplyVerbatim)(RedisModuleCallReply *reply, size_t *len, const char **format) REDISMODULE_ATTR;
/* The value of a boolean reply, or -1 for another type. */
REDISMODULE_API int (*RedisModule_CallReplyBool)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The idx-th element of a set reply, or NULL. */
REDISMODULE_API RedisModuleCallReply *(*RedisModule_CallReplySetElement)(RedisModuleCallReply *reply, size_t idx) REDISMODULE_ATTR;
/* The idx-th key and value of a map reply; ERR when out of range. */
REDISMODULE_API int (*RedisModule_CallReplyMapElement)(RedisModuleCallReply *reply, size_t idx, RedisModuleCallReply **key, RedisModuleCallReply **val) REDISMODULE_ATTR;
/* The attribute attached to a reply, or NULL. */
REDISMODULE_API RedisModuleCallReply *(*RedisModule_CallReplyAttribute)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* The idx-th key and value of an attribute reply; ERR when out of range. */
REDISMODULE_API int (*RedisModule_CallReplyAttributeElement)(RedisModuleCallReply *reply, size_t idx, RedisModuleCallReply **key, RedisModuleCallReply **val) REDISMODULE_ATTR;
/* Sets the callback run when a promise reply's blocked command completes. */
REDISMODULE_API void (*RedisModule_CallReplyPromiseSetUnblockHandler)(RedisModuleCallReply *reply, RedisModuleOnUnblocked on_unblock, void *private_data) REDISMODULE_ATTR;
/* Aborts the command behind a promise reply, returning its private data. */
REDISMODULE_API int (*RedisModule_CallReplyPromiseAbort)(RedisModuleCallReply *reply, void **private_data) REDISMODULE_ATTR;
/* The bytes of a string or error reply and their length. */
REDISMODULE_API const char *(*RedisModule_CallReplyStringPtr)(RedisModuleCallReply *reply, size_t *len) REDISMODULE_ATTR;
/* A new string from a string, error or integer reply; NULL otherwise. */
REDISMODULE_API RedisModuleString *(*RedisModule_CreateStringFromCallReply)(RedisModuleCallReply *reply) REDISMODULE_ATTR;
/* Sets the ACL user that RedisModule_Call checks with the "C" flag. */
REDISMODULE_API void (*RedisModule_SetContextUser)(RedisModuleCtx *ctx, const RedisModuleUser *user) REDISMODULE_ATTR;
/* Runs a command; fmt letters describe the arguments and options; NULL with errno on failure. */
REDISMODULE_API RedisModuleCallReply *(*RedisModule_Call)(RedisModuleCtx *ctx, const char *cmdname, const char *fmt, ...) REDISMODULE_ATTR;
/* The raw protocol bytes of a call reply. */
REDISMODULE_API const char *(*RedisModule_CallReplyProto)(RedisModuleCallReply *reply, size_t *len) REDISMODULE_ATTR;

/* ---- Modules data types -------------------------------------------------- */

/* Registers a module data type with a 9-character name and encoding version; OnLoad only. */
REDISMODULE_API RedisModuleType *(*RedisModule_CreateDataType)(RedisModuleCtx *ctx, const char *name, int encver, RedisModuleTypeMethods *typemethods) REDISMODULE_ATTR;
/* Stores a module-type value in a key opened for writing, replacing what was there. */
REDISMODULE_API int (*RedisModule_ModuleTypeSetValue)(RedisModuleKey *key, RedisModuleType *mt, void *value) REDISMODULE_ATTR;
/* The module type of the key's value, or NULL. */
REDISMODULE_API RedisModuleType *(*RedisModule_ModuleTypeGetType)(RedisModuleKey *key) REDISMODULE_ATTR;
/* The module-type value stored in the key, or NULL. */
REDISMODULE_API void *(*RedisModule_ModuleTypeGetValue)(RedisModuleKey *key) REDISMODULE_ATTR;

/* ---- RDB loading and saving functions ------------------------------------ */

/* True if an earlier load or save on this IO failed (with HANDLE_IO_ERRORS set). */
REDISMODULE_API int (*RedisModule_IsIOError)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Writes an unsigned 64-bit integer to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveUnsigned)(RedisModuleIO *io, uint64_t value) REDISMODULE_ATTR;
/* Reads an unsigned 64-bit integer written by SaveUnsigned. */
REDISMODULE_API uint64_t (*RedisModule_LoadUnsigned)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Writes a signed 64-bit integer to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveSigned)(RedisModuleIO *io, int64_t value) REDISMODULE_ATTR;
/* Reads a signed 64-bit integer written by SaveSigned. */
REDISMODULE_API int64_t (*RedisModule_LoadSigned)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Writes a string object to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveString)(RedisModuleIO *io, RedisModuleString *s) REDISMODULE_ATTR;
/* Writes len bytes as a string to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveStringBuffer)(RedisModuleIO *io, const char *str, size_t len) REDISMODULE_ATTR;
/* Reads a string written by SaveString or SaveStringBuffer as a new string object. */
REDISMODULE_API RedisModuleString *(*RedisModule_LoadString)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Reads a string into memory from Alloc; the caller frees it with RedisModule_Free. */
REDISMODULE_API char *(*RedisModule_LoadStringBuffer)(RedisModuleIO *io, size_t *lenptr) REDISMODULE_ATTR;
/* Writes a double to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveDouble)(RedisModuleIO *io, double value) REDISMODULE_ATTR;
/* Reads a double written by SaveDouble. */
REDISMODULE_API double (*RedisModule_LoadDouble)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Writes a float to the RDB stream. */
REDISMODULE_API void (*RedisModule_SaveFloat)(RedisModuleIO *io, float value) REDISMODULE_ATTR;
/* Reads a float written by SaveFloat. */
REDISMODULE_API float (*RedisModule_LoadFloat)(RedisModuleIO *io) REDISMODULE_ATTR;
/* Writes a long double to the RDB stream (as text). */
REDISMODULE_API void (*RedisModule_SaveLongDouble)(RedisModuleIO *io, long double value) REDISMODULE_ATTR;
/* Reads a long double written by SaveLongDouble. */
REDISMODULE_API long double (*RedisModule_LoadLongDouble)(RedisModuleIO *io) REDISMODULE_ATTR;

/* ---- Key digest API (DEBUG DIGEST interface for modules types) ----------- */

/* Feeds bytes into the current element of a value's digest. */
REDISMODULE_API void (*RedisModule_DigestAddStringBuffer)(RedisModuleDigest *md, const char *ele, size_t len) REDISMODULE_ATTR;
/* Feeds an integer into the current element of a value's digest. */
REDISMODULE_API void (*RedisModule_DigestAddLongLong)(RedisModuleDigest *md, long long ele) REDISMODULE_ATTR;
/* Closes the current element so that ordered sequences digest differently. */
REDISMODULE_API void (*RedisModule_DigestEndSequence)(RedisModuleDigest *md) REDISMODULE_ATTR;
/* Decodes a module value from a string produced by SaveDataTypeToString, with an encoding version. */
REDISMODULE_API void *(*RedisModule_LoadDataTypeFromStringEncver)(const RedisModuleString *str, const RedisModuleType *mt, int encver) REDISMODULE_ATTR;
/* Decodes a module value from a string produced by SaveDataTypeToString. */
REDISMODULE_API void *(*RedisModule_LoadDataTypeFromString)(const RedisModuleString *str, const RedisModuleType *mt) REDISMODULE_ATTR;
/* Encodes a module value into a string using the type's rdb_save. */
REDISMODULE_API RedisModuleString *(*RedisModule_SaveDataTypeToString)(RedisModuleCtx *ctx, void *data, const RedisModuleType *mt) REDISMODULE_ATTR;
/* The key whose value is being digested. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetKeyNameFromDigest)(RedisModuleDigest *dig) REDISMODULE_ATTR;
/* The database of the key whose value is being digested. */
REDISMODULE_API int (*RedisModule_GetDbIdFromDigest)(RedisModuleDigest *dig) REDISMODULE_ATTR;

/* ---- AOF API for modules data types -------------------------------------- */

/* Appends one command to the AOF being rewritten; fmt uses RedisModule_Call's letters. */
REDISMODULE_API void (*RedisModule_EmitAOF)(RedisModuleIO *io, const char *cmdname, const char *fmt, ...) REDISMODULE_ATTR;

/* ---- IO context handling ------------------------------------------------- */

/* A context usable for logging and calls from inside an rdb/aof callback. */
REDISMODULE_API RedisModuleCtx *(*RedisModule_GetContextFromIO)(RedisModuleIO *io) REDISMODULE_ATTR;
/* The key being loaded or saved, or NULL. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetKeyNameFromIO)(RedisModuleIO *io) REDISMODULE_ATTR;
/* The name of an open key. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetKeyNameFromModuleKey)(RedisModuleKey *key) REDISMODULE_ATTR;
/* The database of an open key. */
REDISMODULE_API int (*RedisModule_GetDbIdFromModuleKey)(RedisModuleKey *key) REDISMODULE_ATTR;
/* The database of the key being loaded or saved. */
REDISMODULE_API int (*RedisModule_GetDbIdFromIO)(RedisModuleIO *io) REDISMODULE_ATTR;

/* ---- Logging ------------------------------------------------------------- */

/* Writes a line to the server log at a REDISMODULE_LOGLEVEL_* level, prefixed with the module name. */
REDISMODULE_API void (*RedisModule_Log)(RedisModuleCtx *ctx, const char *level, const char *fmt, ...) REDISMODULE_ATTR_PRINTF(3,4) REDISMODULE_ATTR;
/* Like Log, from inside an rdb/aof callback. */
REDISMODULE_API void (*RedisModule_LogIOError)(RedisModuleIO *io, const char *levelstr, const char *fmt, ...) REDISMODULE_ATTR_PRINTF(3,4) REDISMODULE_ATTR;
/* Reports a failed assertion with its location and crashes the server; used by RedisModule_Assert. */
REDISMODULE_API void (*RedisModule__Assert)(const char *estr, const char *file, int line) REDISMODULE_ATTR;
/* Adds a sample to the latency monitor for the named event. */
REDISMODULE_API void (*RedisModule_LatencyAddSample)(const char *event, mstime_t latency) REDISMODULE_ATTR;

/* ---- Blocking clients from modules --------------------------------------- */

/* Registers a callback consulted by AUTH/HELLO before the normal password check. */
REDISMODULE_API void (*RedisModule_RegisterAuthCallback)(RedisModuleCtx *ctx, RedisModuleAuthCallback cb) REDISMODULE_ATTR;
/* Blocks the calling client until UnblockClient or the timeout, with reply/timeout/free callbacks. */
REDISMODULE_API RedisModuleBlockedClient *(*RedisModule_BlockClient)(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback, void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms) REDISMODULE_ATTR;
/* Blocks a client inside an auth callback until the module decides. */
REDISMODULE_API RedisModuleBlockedClient *(*RedisModule_BlockClientOnAuth)(RedisModuleCtx *ctx, RedisModuleAuthCallback reply_callback, void (*free_privdata)(RedisModuleCtx *, void *)) REDISMODULE_ATTR;
/* The private data currently attached to a blocked client. */
REDISMODULE_API void *(*RedisModule_BlockClientGetPrivateData)(RedisModuleBlockedClient *blocked_client) REDISMODULE_ATTR;
/* Attaches private data to a blocked client. */
REDISMODULE_API void (*RedisModule_BlockClientSetPrivateData)(RedisModuleBlockedClient *blocked_client, void *private_data) REDISMODULE_ATTR;
/* Blocks the client until one of the keys is signalled ready or the timeout expires. */
REDISMODULE_API RedisModuleBlockedClient *(*RedisModule_BlockClientOnKeys)(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback, void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms, RedisModuleString **keys, int numkeys, void *privdata) REDISMODULE_ATTR;
/* Like BlockClientOnKeys, with REDISMODULE_BLOCK_UNBLOCK_* flags. */
REDISMODULE_API RedisModuleBlockedClient *(*RedisModule_BlockClientOnKeysWithFlags)(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback, void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms, RedisModuleString **keys, int numkeys, void *privdata, int flags) REDISMODULE_ATTR;
/* Marks a key ready so clients blocked on it are retried. */
REDISMODULE_API void (*RedisModule_SignalKeyAsReady)(RedisModuleCtx *ctx, RedisModuleString *key) REDISMODULE_ATTR;
/* Releases a blocked client, handing privdata to its reply callback; safe from any thread. */
REDISMODULE_API int (*RedisModule_UnblockClient)(RedisModuleBlockedClient *bc, void *privdata) REDISMODULE_ATTR;
/* Cancels a block as if the client had never been blocked. */
REDISMODULE_API int (*RedisModule_AbortBlock)(RedisModuleBlockedClient *bc) REDISMODULE_ATTR;
/* Sets the callback run when a blocked client disconnects. */
REDISMODULE_API void (*RedisModule_SetDisconnectCallback)(RedisModuleBlockedClient *bc, RedisModuleDisconnectFunc callback) REDISMODULE_ATTR;
/* True inside the reply callback of a blocked client. */
REDISMODULE_API int (*RedisModule_IsBlockedReplyRequest)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* True inside the timeout callback of a blocked client. */
REDISMODULE_API int (*RedisModule_IsBlockedTimeoutRequest)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* The privdata passed to UnblockClient, inside the reply callback. */
REDISMODULE_API void *(*RedisModule_GetBlockedClientPrivateData)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* The key that was signalled ready, inside a key-blocked reply callback. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetBlockedClientReadyKey)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* The blocked-client handle of the client a callback is running for. */
REDISMODULE_API RedisModuleBlockedClient *(*RedisModule_GetBlockedClientHandle)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* True inside the free-privdata callback when the client went away. */
REDISMODULE_API int (*RedisModule_BlockedClientDisconnected)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- Thread Safe Contexts ------------------------------------------------ */

/* A context usable from any thread; bc may be NULL or a blocked client to reply to. */
REDISMODULE_API RedisModuleCtx *(*RedisModule_GetThreadSafeContext)(RedisModuleBlockedClient *bc) REDISMODULE_ATTR;
/* A thread-safe context tied to the module rather than a client. */
REDISMODULE_API RedisModuleCtx *(*RedisModule_GetDetachedThreadSafeContext)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Releases a thread-safe context. */
REDISMODULE_API void (*RedisModule_FreeThreadSafeContext)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Takes the server lock before using the API from another thread. */
REDISMODULE_API void (*RedisModule_ThreadSafeContextLock)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Takes the server lock if free; ERR (errno EBUSY) otherwise. */
REDISMODULE_API int (*RedisModule_ThreadSafeContextTryLock)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Releases the server lock. */
REDISMODULE_API void (*RedisModule_ThreadSafeContextUnlock)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- Module Keyspace Notifications API ----------------------------------- */

/* Calls cb for keyspace events of the given REDISMODULE_NOTIFY_* classes. */
REDISMODULE_API int (*RedisModule_SubscribeToKeyspaceEvents)(RedisModuleCtx *ctx, int types, RedisModuleNotificationFunc cb) REDISMODULE_ATTR;
/* Schedules work to run after the current notification chain, where writes are allowed. */
REDISMODULE_API int (*RedisModule_AddPostNotificationJob)(RedisModuleCtx *ctx, RedisModulePostNotificationJobFunc callback, void *pd, void (*free_pd)(void *)) REDISMODULE_ATTR;
/* The notify-keyspace-events configuration as REDISMODULE_NOTIFY_* bits. */
REDISMODULE_API int (*RedisModule_GetNotifyKeyspaceEvents)(void) REDISMODULE_ATTR;
/* Fires a keyspace event for a key on behalf of the module. */
REDISMODULE_API int (*RedisModule_NotifyKeyspaceEvent)(RedisModuleCtx *ctx, int type, const char *event, RedisModuleString *key) REDISMODULE_ATTR;

/* ---- Modules Cluster API ------------------------------------------------- */

/* Sets (or clears, with NULL) the handler for cluster messages of one type. */
REDISMODULE_API void (*RedisModule_RegisterClusterMessageReceiver)(RedisModuleCtx *ctx, uint8_t type, RedisModuleClusterMessageReceiver callback) REDISMODULE_ATTR;
/* Sends a message to one node, or to all nodes when target_id is NULL. */
REDISMODULE_API int (*RedisModule_SendClusterMessage)(RedisModuleCtx *ctx, const char *target_id, uint8_t type, const char *msg, uint32_t len) REDISMODULE_ATTR;
/* An array of node IDs (REDISMODULE_NODE_ID_LEN bytes each), or NULL outside cluster mode. */
REDISMODULE_API char **(*RedisModule_GetClusterNodesList)(RedisModuleCtx *ctx, size_t *numnodes) REDISMODULE_ATTR;
/* Frees the array from GetClusterNodesList. */
REDISMODULE_API void (*RedisModule_FreeClusterNodesList)(char **ids) REDISMODULE_ATTR;
/* This node's cluster ID, or NULL outside cluster mode. */
REDISMODULE_API const char *(*RedisModule_GetMyClusterID)(void) REDISMODULE_ATTR;
/* Number of nodes in the cluster; 0 outside cluster mode. */
REDISMODULE_API size_t (*RedisModule_GetClusterSize)(void) REDISMODULE_ATTR;
/* Fills address, master ID, port and REDISMODULE_NODE_* flags for a node. */
REDISMODULE_API int (*RedisModule_GetClusterNodeInfo)(RedisModuleCtx *ctx, const char *id, char *ip, char *master_id, int *port, int *flags) REDISMODULE_ATTR;
/* Sets REDISMODULE_CLUSTER_FLAG_* behaviour for this node. */
REDISMODULE_API void (*RedisModule_SetClusterFlags)(RedisModuleCtx *ctx, uint64_t flags) REDISMODULE_ATTR;

/* ---- Modules Timers API -------------------------------------------------- */

/* Runs callback once after period milliseconds on the main thread; returns its ID. */
REDISMODULE_API RedisModuleTimerID (*RedisModule_CreateTimer)(RedisModuleCtx *ctx, mstime_t period, RedisModuleTimerProc callback, void *data) REDISMODULE_ATTR;
/* Cancels a timer, returning its data; ERR if unknown. */
REDISMODULE_API int (*RedisModule_StopTimer)(RedisModuleCtx *ctx, RedisModuleTimerID id, void **data) REDISMODULE_ATTR;
/* Remaining milliseconds and data of a pending timer; ERR if unknown. */
REDISMODULE_API int (*RedisModule_GetTimerInfo)(RedisModuleCtx *ctx, RedisModuleTimerID id, uint64_t *remaining, void **data) REDISMODULE_ATTR;

/* ---- Modules EventLoop API ----------------------------------------------- */

/* Watches a file descriptor for REDISMODULE_EVENTLOOP_* readiness on the main thread. */
REDISMODULE_API int (*RedisModule_EventLoopAdd)(int fd, int mask, RedisModuleEventLoopFunc func, void *user_data) REDISMODULE_ATTR;
/* Stops watching a file descriptor for the given readiness kinds. */
REDISMODULE_API int (*RedisModule_EventLoopDel)(int fd, int mask) REDISMODULE_ATTR;
/* Runs func once on the main thread soon; callable from any thread. */
REDISMODULE_API int (*RedisModule_EventLoopAddOneShot)(RedisModuleEventLoopOneShotFunc func, void *user_data) REDISMODULE_ATTR;

/* ---- Modules ACL API ----------------------------------------------------- */

/* Creates an ACL user that exists only for this module, not in the ACL list. */
REDISMODULE_API RedisModuleUser *(*RedisModule_CreateModuleUser)(const char *name) REDISMODULE_ATTR;
/* Frees a module user and disconnects clients authenticated with it. */
REDISMODULE_API void (*RedisModule_FreeModuleUser)(RedisModuleUser *user) REDISMODULE_ATTR;
/* Applies one ACL rule to a module user. */
REDISMODULE_API int (*RedisModule_SetModuleUserACL)(RedisModuleUser *user, const char *acl) REDISMODULE_ATTR;
/* Applies a space-separated ACL rule string to a module user, reporting errors. */
REDISMODULE_API int (*RedisModule_SetModuleUserACLString)(RedisModuleCtx *ctx, RedisModuleUser *user, const char *acl, RedisModuleString **error) REDISMODULE_ATTR;
/* The ACL rules of a module user as one string. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetModuleUserACLString)(RedisModuleUser *user) REDISMODULE_ATTR;
/* The user name of the client running the current command. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetCurrentUserName)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* A module user handle for an existing ACL user, or NULL. */
REDISMODULE_API RedisModuleUser *(*RedisModule_GetModuleUserFromUserName)(RedisModuleString *name) REDISMODULE_ATTR;
/* OK if the user may run this command line; ERR with errno otherwise. */
REDISMODULE_API int (*RedisModule_ACLCheckCommandPermissions)(RedisModuleUser *user, RedisModuleString **argv, int argc) REDISMODULE_ATTR;
/* OK if the user may access the key with the given key-spec flags. */
REDISMODULE_API int (*RedisModule_ACLCheckKeyPermissions)(RedisModuleUser *user, RedisModuleString *key, int flags) REDISMODULE_ATTR;
/* OK if the user may access the channel (literal or pattern). */
REDISMODULE_API int (*RedisModule_ACLCheckChannelPermissions)(RedisModuleUser *user, RedisModuleString *ch, int literal) REDISMODULE_ATTR;
/* Adds an ACL LOG entry for a denied operation by a module user. */
REDISMODULE_API void (*RedisModule_ACLAddLogEntry)(RedisModuleCtx *ctx, RedisModuleUser *user, RedisModuleString *object, RedisModuleACLLogEntryReason reason) REDISMODULE_ATTR;
/* Adds an ACL LOG entry for a denied operation by a user given by name. */
REDISMODULE_API void (*RedisModule_ACLAddLogEntryByUserName)(RedisModuleCtx *ctx, RedisModuleString *user, RedisModuleString *object, RedisModuleACLLogEntryReason reason) REDISMODULE_ATTR;
/* Authenticates the current client as a module user. */
REDISMODULE_API int (*RedisModule_AuthenticateClientWithUser)(RedisModuleCtx *ctx, RedisModuleUser *user, RedisModuleUserChangedFunc callback, void *privdata, uint64_t *client_id) REDISMODULE_ATTR;
/* Authenticates the current client as an existing ACL user named by a buffer. */
REDISMODULE_API int (*RedisModule_AuthenticateClientWithACLUser)(RedisModuleCtx *ctx, const char *name, size_t len, RedisModuleUserChangedFunc callback, void *privdata, uint64_t *client_id) REDISMODULE_ATTR;
/* Logs a client out and closes its connection soon. */
REDISMODULE_API int (*RedisModule_DeauthenticateAndCloseClient)(RedisModuleCtx *ctx, uint64_t client_id) REDISMODULE_ATTR;
/* Hides argument pos of the current command in SLOWLOG and MONITOR. */
REDISMODULE_API int (*RedisModule_RedactClientCommandArgument)(RedisModuleCtx *ctx, int pos) REDISMODULE_ATTR;
/* The client's TLS certificate as PEM text, or NULL. */
REDISMODULE_API RedisModuleString *(*RedisModule_GetClientCertificate)(RedisModuleCtx *ctx, uint64_t id) REDISMODULE_ATTR;

/* ---- Modules Dictionary API ---------------------------------------------- */

/* Creates an ordered byte-string dictionary owned by the module. */
REDISMODULE_API RedisModuleDict *(*RedisModule_CreateDict)(RedisModuleCtx *ctx) REDISMODULE_ATTR;
/* Frees a dictionary (not the values it points to). */
REDISMODULE_API void (*RedisModule_FreeDict)(RedisModuleCtx *ctx, RedisModuleDict *d) REDISMODULE_ATTR;
/* Number of keys in a dictionary. */
REDISMODULE_API uint64_t (*RedisModule_DictSize)(RedisModuleDict *d) REDISMODULE_ATTR;
/* Inserts a key if absent; ERR if it already exists. */
REDISMODULE_API int (*RedisModule_DictSetC)(RedisModuleDict *d, void *key, size_t keylen, void *ptr) REDISMODULE_ATTR;
/* Inserts or overwrites a key; OK if inserted, ERR if replaced. */
REDISMODULE_API int (*RedisModule_DictReplaceC)(RedisModuleDict *d, void *key, size_t keylen, void *ptr) REDISMODULE_ATTR;
/* DictSetC with the key given as a string object. */
REDISMODULE_API int (*RedisModule_DictSet)(RedisModuleDict *d, RedisModuleString *key, void *ptr) REDISMODULE_ATTR;
/* DictReplaceC with the key given as a string object. */
REDISMODULE_API int (*RedisModule_DictReplace)(RedisModuleDict *d, RedisModuleString *key, void *ptr) REDISMODULE_ATTR;
/* The value stored for a key, with *nokey set when absent. */
REDISMODULE_API void *(*RedisModule_DictGetC)(RedisModuleDict *d, void *key, size_t keylen, int *nokey) REDISMODULE_ATTR;
/* DictGetC with the key given as a string object. */
REDISMODULE_API void *(*RedisModule_DictGet)(RedisModuleDict *d, RedisModuleString *key, int *nokey) REDISMODULE_ATTR;
/* Removes a key, storing its old value in *oldval if requested; ERR if absent. */
REDISMODULE_API int (*RedisModule_DictDelC)(RedisModuleDict *d, void *key, size_t keylen, void *oldval) REDISMODULE_ATTR;
/* DictDelC with the key given as a string object. */
REDISMODULE_API int (*RedisModule_DictDel)(RedisModuleDict *d, RedisModuleString *key, void *oldval) REDISMODULE_ATTR;
/* Starts an iterator at the first key satisfying op ("^", "$", ">", ">=", "<", "<=", "==") against key. */
REDISMODULE_API RedisModuleDictIter *(*RedisModule_DictIteratorStartC)(RedisModuleDict *d, const char *op, void *key, size_t keylen) REDISMODULE_ATTR;
/* DictIteratorStartC with the key given as a string object. */
REDISMODULE_API RedisModuleDictIter *(*RedisModule_DictIteratorStart)(RedisModuleDict *d, const char *op, RedisModuleString *key) REDISMODULE_ATTR;
/* Frees an iterator. */
REDISMODULE_API void (*RedisModule_DictIteratorStop)(RedisModuleDictIter *di) REDISMODULE_ATTR;
/* Repositions an iterator with a new operator and key. */
REDISMODULE_API int (*RedisModule_DictIteratorReseekC)(RedisModuleDictIter *di, const char *op, void *key, size_t keylen) REDISMODULE_ATTR;
/* DictIteratorReseekC with the key given as a string object. */
REDISMODULE_API int (*RedisModule_DictIteratorReseek)(RedisModuleDictIter *di, const char *op, RedisModuleString *key) REDISMODULE_ATTR;
/* The next key (not NUL-terminated) and its value, or NULL at the end. */
REDISMODULE_API void *(*RedisModule_DictNextC)(RedisModuleDictIter *di, size_t *keylen, void **dataptr) REDISMODULE_ATTR;
/* The previous key and its value, or NULL at the start. */
REDISMODULE_API void *(*RedisModule_DictPrevC)(RedisModuleDictIter *di, size_t *keylen, void **dataptr) REDISMODULE_ATTR;
/* Like DictNextC, returning the key as a new string object. */
REDISMODULE_API RedisModuleString *(*RedisModule_DictNext)(RedisModuleCtx *ctx, RedisModuleDictIter *di, void **dataptr) REDISMODULE_ATTR;
/* Like DictPrevC, returning the key as a new string object. */
REDISMODULE_API RedisModuleString *(*RedisModule_DictPrev)(RedisModuleCtx *ctx, RedisModuleDictIter *di, void **dataptr) REDISMODULE_ATTR;
/* Compares the iterator's current key with a key using an operator; OK if it holds. */
REDISMODULE_API int (*RedisModule_DictCompareC)(RedisModuleDictIter *di, const char *op, void *key, size_t keylen) REDISMODULE_ATTR;
/* DictCompareC with the key given as a string object. */
REDISMODULE_API int (*RedisModule_DictCompare)(RedisModuleDictIter *di, const char *op, RedisModuleString *key) REDISMODULE_ATTR;

/* ---- Modules Info fields ------------------------------------------------- */

/* Starts a section in the module's INFO output; NULL for the default section. */
REDISMODULE_API int (*RedisModule_InfoAddSection)(RedisModuleInfoCtx *ctx, const char *name) REDISMODULE_ATTR;
/* Starts a field whose value is a comma-separated list of name=value pairs. */
REDISMODULE_API int (*RedisModule_InfoBeginDictField)(RedisModuleInfoCtx *ctx, const char *name) REDISMODULE_ATTR;
/* Ends the field begun by InfoBeginDictField. */
REDISMODULE_API int (*RedisModule_InfoEndDictField)(RedisModuleInfoCtx *ctx) REDISMODULE_ATTR;
/* Adds an INFO field whose value is a string object. */
REDISMODULE_API int (*RedisModule_InfoAddFieldString)(RedisModuleInfoCtx *ctx, const char *field, RedisModuleString *value) REDISMODULE_ATTR;
/* Adds an INFO field whose value is a C string. */
REDISMODULE_API int (*RedisModule_InfoAddFieldCString)(RedisModuleInfoCtx *ctx, const char *field, const char *value) REDISMODULE_ATTR;
/* Adds an INFO field whose value is a double. */
REDISMODULE_API int (*RedisModule_InfoAddFieldDouble)(RedisModuleInfoCtx *ctx, const char *field, double value) REDISMODULE_ATTR;
/* Adds an INFO field whose value is a signed integer. */
REDISMODULE_API int (*RedisModule_InfoAddFieldLongLong)(RedisModuleInfoCtx *ctx, const char *field, long long value) REDISMODULE_ATTR;
/* Adds an INFO field whose value is an unsigned integer. */
REDISMODULE_API int (*RedisModule_InfoAddFieldULongLong)(RedisModuleInfoCtx *ctx, const char *field, unsigned long long value) REDISMODULE_ATTR;
/* Registers the callback that writes the module's INFO sections. */
REDISMODULE_API int (*RedisModule_RegisterInfoFunc)(RedisModuleCtx *ctx, RedisModuleInfoFunc cb) REDISMODULE_ATTR;
/* Collects INFO fields of a section (NULL for the defaults) into a lookup object. */
REDISMODULE_API RedisModuleServerInfoData *(*RedisModule_GetServerInfo)(RedisModuleCtx *ctx, const char *section) REDISMODULE_ATTR;
/* Frees the object from GetServerInfo. */
REDISMODULE_API void (*RedisModule_FreeServerInfo)(RedisModuleCtx *ctx, RedisModuleServerInfoData *data) REDISMODULE_ATTR;
/* A field's value as a new string object, or NULL. */
REDISMODULE_API RedisModuleString *(*RedisModule_ServerInfoGetField)(RedisModuleCtx *ctx, RedisModuleServerInfoData *data, const char *field) REDISMODULE_ATTR;
/* A field's value as a C string owned by the info object, or NULL. */
REDISMODULE_API const char *(*RedisModule_ServerInfoGetFieldC)(RedisModuleServerInfoData *data, const char *field) REDISMODULE_ATTR;
/* A field's value as a signed integer; *out_err set when absent or not a number. */
REDISMODULE_API long long (*RedisModule_ServerInfoGetFieldSigned)(RedisModuleServerInfoData *data, const char *field, int *out_err) REDISMODULE_ATTR;
/* A field's value as an unsigned integer; *out_err set when absent or not a number. */
REDISMODULE_API unsigned long long (*RedisModule_ServerInfoGetFieldUnsigned)(RedisModuleServerInfoData *data, const char *field, int *out_err) REDISMODULE_ATTR;
/* A field's value as a double; *out_err set when absent or not a number. */
REDISMODULE_API double (*RedisModule_ServerInfoGetFieldDouble)(RedisModuleServerInfoData *data, const char *field, int *out_err) REDISMODULE_ATTR;

/* ---- Modules utility APIs ------------------------------------------------ */

/* Fills dst with len random bytes from a fast non-cryptographic generator. */
REDISMODULE_API void (*RedisModule_GetRandomBytes)(unsigned char *dst, size_t len) REDISMODULE_ATTR;
/* Fills dst with len random hexadecimal characters. */
REDISMODULE_API void (*RedisModule_GetRandomHexChars)(char *dst, size_t len) REDISMODULE_ATTR;

/* ---- Modules API exporting / importing ----------------------------------- */

/* Publishes a function pointer under a name for other modules to find. */
REDISMODULE_API int (*RedisModule_ExportSharedAPI)(RedisModuleCtx *ctx, const char *apiname, void *func) REDISMODULE_ATTR;
/* Finds a pointer published with ExportSharedAPI, or NULL. */
REDISMODULE_API void *(*RedisModule_GetSharedAPI)(RedisModuleCtx *ctx, const char *apiname) REDISMODULE_ATTR;

/* ---- Module Command Filter API ------------------------------------------- */

/* Registers a callback that sees (and may rewrite) every command before it runs. */
REDISMODULE_API RedisModuleCommandFilter *(*RedisModule_RegisterCommandFilter)(RedisModuleCtx *ctx, RedisModuleCommandFilterFunc cb, int flags) REDISMODULE_ATTR;
/* Removes a command filter. */
REDISMODULE_API int (*RedisModule_UnregisterCommandFilter)(RedisModuleCtx *ctx, RedisModuleCommandFilter *filter) REDISMODULE_ATTR;
/* Number of arguments of the filtered command, including its name. */
REDISMODULE_API int (*RedisModule_CommandFilterArgsCount)(RedisModuleCommandFilterCtx *fctx) REDISMODULE_ATTR;
/* Argument pos of the filtered command, or NULL. */
REDISMODULE_API RedisModuleString *(*RedisModule_CommandFilterArgGet)(RedisModuleCommandFilterCtx *fctx, int pos) REDISMODULE_ATTR;
/* Inserts an argument at pos; the filter takes ownership of arg. */
REDISMODULE_API int (*RedisModule_CommandFilterArgInsert)(RedisModuleCommandFilterCtx *fctx, int pos, RedisModuleString *arg) REDISMODULE_ATTR;
/* Replaces argument pos; the filter takes ownership of arg. */
REDISMODULE_API int (*RedisModule_CommandFilterArgReplace)(RedisModuleCommandFilterCtx *fctx, int pos, RedisModuleString *arg) REDISMODULE_ATTR;
/* Removes argument pos. */
REDISMODULE_API int (*RedisModule_CommandFilterArgDelete)(RedisModuleCommandFilterCtx *fctx, int pos) REDISMODULE_ATTR;
/* The ID of the client whose command is being filtered. */
REDISMODULE_API unsigned long long (*RedisModule_CommandFilterGetClientId)(RedisModuleCommandFilterCtx *fctx) REDISMODULE_ATTR;
/* Bytes allocated for a block from the module allocators. */
REDISMODULE_API size_t (*RedisModule_MallocSize)(void *ptr) REDISMODULE_ATTR;
/* Usable bytes of a block from the module allocators. */
REDISMODULE_API size_t (*RedisModule_MallocUsableSize)(void *ptr) REDISMODULE_ATTR;
/* Bytes used by a string object. */
REDISMODULE_API size_t (*RedisModule_MallocSizeString)(RedisModuleString *str) REDISMODULE_ATTR;
/* Bytes used by a dictionary's own structure. */
REDISMODULE_API size_t (*RedisModule_MallocSizeDict)(RedisModuleDict *dict) REDISMODULE_ATTR;
/* Used memory divided by maxmemory (0 when maxmemory is unset). */
REDISMODULE_API float (*RedisModule_GetUsedMemoryRatio)(void) REDISMODULE_ATTR;

/* ---- Scanning keyspace and hashes ---------------------------------------- */

/* Creates a cursor for Scan and ScanKey. */
REDISMODULE_API RedisModuleScanCursor *(*RedisModule_ScanCursorCreate)(void) REDISMODULE_ATTR;
/* Resets a cursor to start a new scan. */
REDISMODULE_API void (*RedisModule_ScanCursorRestart)(RedisModuleScanCursor *cursor) REDISMODULE_ATTR;
/* Frees a cursor. */
REDISMODULE_API void (*RedisModule_ScanCursorDestroy)(RedisModuleScanCursor *cursor) REDISMODULE_ATTR;
/* Calls fn for some keys of the current database; returns 0 when the scan is complete. */
REDISMODULE_API int (*RedisModule_Scan)(RedisModuleCtx *ctx, RedisModuleScanCursor *cursor, RedisModuleScanCB fn, void *privdata) REDISMODULE_ATTR;
/* Calls fn for some elements of a hash, set or sorted set; returns 0 when complete. */
REDISMODULE_API int (*RedisModule_ScanKey)(RedisModuleKey *key, RedisModuleScanCursor *cursor, RedisModuleScanKeyCB fn, void *privdata) REDISMODULE_ATTR;

/* ---- Module fork API ----------------------------------------------------- */

/* Forks a child process; returns its pid to the parent, 0 in the child, -1 on failure. */
REDISMODULE_API int (*RedisModule_Fork)(RedisModuleForkDoneHandler cb, void *user_data) REDISMODULE_ATTR;
/* Reports progress (0 to 1) from a forked child. */
REDISMODULE_API void (*RedisModule_SendChildHeartbeat)(double progress) REDISMODULE_ATTR;
/* Ends a forked child with an exit code. */
REDISMODULE_API int (*RedisModule_ExitFromChild)(int retcode) REDISMODULE_ATTR;
/* Kills the module's forked child if child_pid matches. */
REDISMODULE_API int (*RedisModule_KillForkChild)(int child_pid) REDISMODULE_ATTR;

/* ---- Server hooks implementation ----------------------------------------- */

/* Calls callback for a server event (NULL unsubscribes); ERR for unknown events. */
REDISMODULE_API int (*RedisModule_SubscribeToServerEvent)(RedisModuleCtx *ctx, RedisModuleEvent event, RedisModuleEventCallback callback) REDISMODULE_ATTR;
/* True if the server can fire this subevent of this event. */
REDISMODULE_API int (*RedisModule_IsSubEventSupported)(RedisModuleEvent event, uint64_t subevent) REDISMODULE_ATTR;

/* ---- Module Configurations API ------------------------------------------- */

/* Declares a string config "<module>.<name>" with get/set/apply callbacks; OnLoad only. */
REDISMODULE_API int (*RedisModule_RegisterStringConfig)(RedisModuleCtx *ctx, const char *name, const char *default_val, unsigned int flags, RedisModuleConfigGetStringFunc getfn, RedisModuleConfigSetStringFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) REDISMODULE_ATTR;
/* Declares a yes/no config "<module>.<name>"; OnLoad only. */
REDISMODULE_API int (*RedisModule_RegisterBoolConfig)(RedisModuleCtx *ctx, const char *name, int default_val, unsigned int flags, RedisModuleConfigGetBoolFunc getfn, RedisModuleConfigSetBoolFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) REDISMODULE_ATTR;
/* Declares an enum config mapping names to integer values; OnLoad only. */
REDISMODULE_API int (*RedisModule_RegisterEnumConfig)(RedisModuleCtx *ctx, const char *name, int default_val, unsigned int flags, const char **enum_values, const int *int_values, int num_enum_vals, RedisModuleConfigGetEnumFunc getfn, RedisModuleConfigSetEnumFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) REDISMODULE_ATTR;
/* Declares an integer config with bounds; OnLoad only. */
REDISMODULE_API int (*RedisModule_RegisterNumericConfig)(RedisModuleCtx *ctx, const char *name, long long default_val, unsigned int flags, long long min, long long max, RedisModuleConfigGetNumericFunc getfn, RedisModuleConfigSetNumericFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) REDISMODULE_ATTR;
/* Applies configured values to the declared configs; must end OnLoad when configs exist. */
REDISMODULE_API int (*RedisModule_LoadConfigs)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- RDB load/save API --------------------------------------------------- */

/* Creates an RDB stream backed by a file name. */
REDISMODULE_API RedisModuleRdbStream *(*RedisModule_RdbStreamCreateFromFile)(const char *filename) REDISMODULE_ATTR;
/* Frees an RDB stream. */
REDISMODULE_API void (*RedisModule_RdbStreamFree)(RedisModuleRdbStream *stream) REDISMODULE_ATTR;
/* Replaces the dataset with the contents of an RDB stream. */
REDISMODULE_API int (*RedisModule_RdbLoad)(RedisModuleCtx *ctx, RedisModuleRdbStream *stream, int flags) REDISMODULE_ATTR;
/* Writes the dataset to an RDB stream. */
REDISMODULE_API int (*RedisModule_RdbSave)(RedisModuleCtx *ctx, RedisModuleRdbStream *stream, int flags) REDISMODULE_ATTR;

/* ---- Key eviction API ---------------------------------------------------- */

/* Sets the key's idle time in milliseconds (LRU policies). */
REDISMODULE_API int (*RedisModule_SetLRU)(RedisModuleKey *key, mstime_t lru_idle) REDISMODULE_ATTR;
/* Reads the key's idle time in milliseconds; ERR under LFU policies. */
REDISMODULE_API int (*RedisModule_GetLRU)(RedisModuleKey *key, mstime_t *lru_idle) REDISMODULE_ATTR;
/* Sets the key's access-frequency counter (LFU policies). */
REDISMODULE_API int (*RedisModule_SetLFU)(RedisModuleKey *key, long long lfu_freq) REDISMODULE_ATTR;
/* Reads the key's access-frequency counter; ERR under LRU policies. */
REDISMODULE_API int (*RedisModule_GetLFU)(RedisModuleKey *key, long long *lfu_freq) REDISMODULE_ATTR;

/* ---- Miscellaneous APIs -------------------------------------------------- */

/* The mask of every REDISMODULE_OPTIONS_* bit this server understands. */
REDISMODULE_API int (*RedisModule_GetModuleOptionsAll)(void) REDISMODULE_ATTR;
/* The mask of every REDISMODULE_CTX_FLAGS_* bit this server can report. */
REDISMODULE_API int (*RedisModule_GetContextFlagsAll)(void) REDISMODULE_ATTR;
/* The mask of every REDISMODULE_NOTIFY_* bit this server understands. */
REDISMODULE_API int (*RedisModule_GetKeyspaceNotificationFlagsAll)(void) REDISMODULE_ATTR;
/* The server version as 0x00MMmmpp. */
REDISMODULE_API int (*RedisModule_GetServerVersion)(void) REDISMODULE_ATTR;
/* The newest RedisModuleTypeMethods version this server reads. */
REDISMODULE_API int (*RedisModule_GetTypeMethodVersion)(void) REDISMODULE_ATTR;
/* Swaps a module-type value in place, handing back the old one without freeing it. */
REDISMODULE_API int (*RedisModule_ModuleTypeReplaceValue)(RedisModuleKey *key, RedisModuleType *mt, void *new_value, void **old_value) REDISMODULE_ATTR;
/* Positions of the keys in a command line, plus their key-spec flags; free both with RedisModule_Free. */
REDISMODULE_API int *(*RedisModule_GetCommandKeysWithFlags)(RedisModuleCtx *ctx, RedisModuleString **argv, int argc, int *num_keys, int **out_flags) REDISMODULE_ATTR;
/* Positions of the keys in a command line; free the result with RedisModule_Free. */
REDISMODULE_API int *(*RedisModule_GetCommandKeys)(RedisModuleCtx *ctx, RedisModuleString **argv, int argc, int *num_keys) REDISMODULE_ATTR;
/* The name of the command being executed. */
REDISMODULE_API const char *(*RedisModule_GetCurrentCommandName)(RedisModuleCtx *ctx) REDISMODULE_ATTR;

/* ---- Defrag API ---------------------------------------------------------- */

/* Registers a callback for defragmenting the module's global data. */
REDISMODULE_API int (*RedisModule_RegisterDefragFunc)(RedisModuleCtx *ctx, RedisModuleDefragFunc func) REDISMODULE_ATTR;
/* True when the defrag callback has used its time slice and should save a cursor. */
REDISMODULE_API int (*RedisModule_DefragShouldStop)(RedisModuleDefragCtx *ctx) REDISMODULE_ATTR;
/* Stores a resume position for the next defrag call on this key. */
REDISMODULE_API int (*RedisModule_DefragCursorSet)(RedisModuleDefragCtx *ctx, unsigned long cursor) REDISMODULE_ATTR;
/* Reads the resume position stored for this key. */
REDISMODULE_API int (*RedisModule_DefragCursorGet)(RedisModuleDefragCtx *ctx, unsigned long *cursor) REDISMODULE_ATTR;
/* Moves an allocation if that reduces fragmentation; returns the new pointer or NULL. */
REDISMODULE_API void *(*RedisModule_DefragAlloc)(RedisModuleDefragCtx *ctx, void *ptr) REDISMODULE_ATTR;
/* Moves a string object if worthwhile; returns the new pointer or NULL. */
REDISMODULE_API RedisModuleString *(*RedisModule_DefragRedisModuleString)(RedisModuleDefragCtx *ctx, RedisModuleString *str) REDISMODULE_ATTR;
/* The key whose value is being defragmented. */
REDISMODULE_API const RedisModuleString *(*RedisModule_GetKeyNameFromDefragCtx)(RedisModuleDefragCtx *ctx) REDISMODULE_ATTR;
/* The database of the key whose value is being defragmented. */
REDISMODULE_API int (*RedisModule_GetDbIdFromDefragCtx)(RedisModuleDefragCtx *ctx) REDISMODULE_ATTR;

/* The AOF-loading pseudo client has the largest possible id. */
#define RedisModule_IsAOFClient(id) ((id) == UINT64_MAX)

/* Each module gets its own static copy of this function. It must be the
 * first API call in RedisModule_OnLoad: it fills every pointer above using
 * the GetApi function whose address is the first word of ctx, refuses a
 * module name that is already loaded, then registers name and version. */
static int RedisModule_Init(RedisModuleCtx *ctx, const char *name, int ver, int apiver) REDISMODULE_ATTR_UNUSED;
static int RedisModule_Init(RedisModuleCtx *ctx, const char *name, int ver, int apiver) {
    void *lookup = ((void **)ctx)[0];
    RedisModule_GetApi = (int (*)(const char *, void *))(uintptr_t)lookup;
    /* Missing names are expected on older or partial servers: the lookup's
     * result is ignored and the pointer stays NULL. */
#define REDISMODULE_INIT_FETCH_(n) (void)RedisModule_GetApi("RedisModule_" #n, (void *)&RedisModule_ ## n)
    REDISMODULE_INIT_FETCH_(Alloc);
    REDISMODULE_INIT_FETCH_(TryAlloc);
    REDISMODULE_INIT_FETCH_(Calloc);
    REDISMODULE_INIT_FETCH_(Realloc);
    REDISMODULE_INIT_FETCH_(Free);
    REDISMODULE_INIT_FETCH_(Strdup);
    REDISMODULE_INIT_FETCH_(PoolAlloc);
    REDISMODULE_INIT_FETCH_(IsKeysPositionRequest);
    REDISMODULE_INIT_FETCH_(KeyAtPosWithFlags);
    REDISMODULE_INIT_FETCH_(KeyAtPos);
    REDISMODULE_INIT_FETCH_(IsChannelsPositionRequest);
    REDISMODULE_INIT_FETCH_(ChannelAtPosWithFlags);
    REDISMODULE_INIT_FETCH_(CreateCommand);
    REDISMODULE_INIT_FETCH_(GetCommand);
    REDISMODULE_INIT_FETCH_(CreateSubcommand);
    REDISMODULE_INIT_FETCH_(SetCommandACLCategories);
    REDISMODULE_INIT_FETCH_(SetCommandInfo);
    REDISMODULE_INIT_FETCH_(SetModuleAttribs);
    REDISMODULE_INIT_FETCH_(IsModuleNameBusy);
    REDISMODULE_INIT_FETCH_(Milliseconds);
    REDISMODULE_INIT_FETCH_(MonotonicMicroseconds);
    REDISMODULE_INIT_FETCH_(Microseconds);
    REDISMODULE_INIT_FETCH_(CachedMicroseconds);
    REDISMODULE_INIT_FETCH_(BlockedClientMeasureTimeStart);
    REDISMODULE_INIT_FETCH_(BlockedClientMeasureTimeEnd);
    REDISMODULE_INIT_FETCH_(Yield);
    REDISMODULE_INIT_FETCH_(SetModuleOptions);
    REDISMODULE_INIT_FETCH_(SignalModifiedKey);
    REDISMODULE_INIT_FETCH_(AutoMemory);
    REDISMODULE_INIT_FETCH_(CreateString);
    REDISMODULE_INIT_FETCH_(CreateStringPrintf);
    REDISMODULE_INIT_FETCH_(CreateStringFromLongLong);
    REDISMODULE_INIT_FETCH_(CreateStringFromULongLong);
    REDISMODULE_INIT_FETCH_(CreateStringFromDouble);
    REDISMODULE_INIT_FETCH_(CreateStringFromLongDouble);
    REDISMODULE_INIT_FETCH_(CreateStringFromString);
    REDISMODULE_INIT_FETCH_(CreateStringFromStreamID);
    REDISMODULE_INIT_FETCH_(FreeString);
    REDISMODULE_INIT_FETCH_(RetainString);
    REDISMODULE_INIT_FETCH_(HoldString);
    REDISMODULE_INIT_FETCH_(StringPtrLen);
    REDISMODULE_INIT_FETCH_(StringToLongLong);
    REDISMODULE_INIT_FETCH_(StringToULongLong);
    REDISMODULE_INIT_FETCH_(StringToDouble);
    REDISMODULE_INIT_FETCH_(StringToLongDouble);
    REDISMODULE_INIT_FETCH_(StringToStreamID);
    REDISMODULE_INIT_FETCH_(StringCompare);
    REDISMODULE_INIT_FETCH_(StringAppendBuffer);
    REDISMODULE_INIT_FETCH_(TrimStringAllocation);
    REDISMODULE_INIT_FETCH_(WrongArity);
    REDISMODULE_INIT_FETCH_(ReplyWithLongLong);
    REDISMODULE_INIT_FETCH_(ReplyWithError);
    REDISMODULE_INIT_FETCH_(ReplyWithErrorFormat);
    REDISMODULE_INIT_FETCH_(ReplyWithSimpleString);
    REDISMODULE_INIT_FETCH_(ReplyWithArray);
    REDISMODULE_INIT_FETCH_(ReplyWithMap);
    REDISMODULE_INIT_FETCH_(ReplyWithSet);
    REDISMODULE_INIT_FETCH_(ReplyWithAttribute);
    REDISMODULE_INIT_FETCH_(ReplyWithNullArray);
    REDISMODULE_INIT_FETCH_(ReplyWithEmptyArray);
    REDISMODULE_INIT_FETCH_(ReplySetArrayLength);
    REDISMODULE_INIT_FETCH_(ReplySetMapLength);
    REDISMODULE_INIT_FETCH_(ReplySetSetLength);
    REDISMODULE_INIT_FETCH_(ReplySetAttributeLength);
    REDISMODULE_INIT_FETCH_(ReplySetPushLength);
    REDISMODULE_INIT_FETCH_(ReplyWithStringBuffer);
    REDISMODULE_INIT_FETCH_(ReplyWithCString);
    REDISMODULE_INIT_FETCH_(ReplyWithString);
    REDISMODULE_INIT_FETCH_(ReplyWithEmptyString);
    REDISMODULE_INIT_FETCH_(ReplyWithVerbatimStringType);
    REDISMODULE_INIT_FETCH_(ReplyWithVerbatimString);
    REDISMODULE_INIT_FETCH_(ReplyWithNull);
    REDISMODULE_INIT_FETCH_(ReplyWithBool);
    REDISMODULE_INIT_FETCH_(ReplyWithCallReply);
    REDISMODULE_INIT_FETCH_(ReplyWithDouble);
    REDISMODULE_INIT_FETCH_(ReplyWithBigNumber);
    REDISMODULE_INIT_FETCH_(ReplyWithLongDouble);
    REDISMODULE_INIT_FETCH_(Replicate);
    REDISMODULE_INIT_FETCH_(ReplicateVerbatim);
    REDISMODULE_INIT_FETCH_(GetClientId);
    REDISMODULE_INIT_FETCH_(GetClientUserNameById);
    REDISMODULE_INIT_FETCH_(GetClientInfoById);
    REDISMODULE_INIT_FETCH_(GetClientNameById);
    REDISMODULE_INIT_FETCH_(SetClientNameById);
    REDISMODULE_INIT_FETCH_(PublishMessage);
    REDISMODULE_INIT_FETCH_(PublishMessageShard);
    REDISMODULE_INIT_FETCH_(GetSelectedDb);
    REDISMODULE_INIT_FETCH_(GetContextFlags);
    REDISMODULE_INIT_FETCH_(AvoidReplicaTraffic);
    REDISMODULE_INIT_FETCH_(SelectDb);
    REDISMODULE_INIT_FETCH_(KeyExists);
    REDISMODULE_INIT_FETCH_(OpenKey);
    REDISMODULE_INIT_FETCH_(GetOpenKeyModesAll);
    REDISMODULE_INIT_FETCH_(CloseKey);
    REDISMODULE_INIT_FETCH_(KeyType);
    REDISMODULE_INIT_FETCH_(ValueLength);
    REDISMODULE_INIT_FETCH_(DeleteKey);
    REDISMODULE_INIT_FETCH_(UnlinkKey);
    REDISMODULE_INIT_FETCH_(GetExpire);
    REDISMODULE_INIT_FETCH_(SetExpire);
    REDISMODULE_INIT_FETCH_(GetAbsExpire);
    REDISMODULE_INIT_FETCH_(SetAbsExpire);
    REDISMODULE_INIT_FETCH_(ResetDataset);
    REDISMODULE_INIT_FETCH_(DbSize);
    REDISMODULE_INIT_FETCH_(RandomKey);
    REDISMODULE_INIT_FETCH_(GetKeyNameFromOptCtx);
    REDISMODULE_INIT_FETCH_(GetToKeyNameFromOptCtx);
    REDISMODULE_INIT_FETCH_(GetDbIdFromOptCtx);
    REDISMODULE_INIT_FETCH_(GetToDbIdFromOptCtx);
    REDISMODULE_INIT_FETCH_(StringSet);
    REDISMODULE_INIT_FETCH_(StringDMA);
    REDISMODULE_INIT_FETCH_(StringTruncate);
    REDISMODULE_INIT_FETCH_(ListPush);
    REDISMODULE_INIT_FETCH_(ListPop);
    REDISMODULE_INIT_FETCH_(ListGet);
    REDISMODULE_INIT_FETCH_(ListSet);
    REDISMODULE_INIT_FETCH_(ListInsert);
    REDISMODULE_INIT_FETCH_(ListDelete);
    REDISMODULE_INIT_FETCH_(ZsetAdd);
    REDISMODULE_INIT_FETCH_(ZsetIncrby);
    REDISMODULE_INIT_FETCH_(ZsetRem);
    REDISMODULE_INIT_FETCH_(ZsetScore);
    REDISMODULE_INIT_FETCH_(ZsetRangeStop);
    REDISMODULE_INIT_FETCH_(ZsetRangeEndReached);
    REDISMODULE_INIT_FETCH_(ZsetFirstInScoreRange);
    REDISMODULE_INIT_FETCH_(ZsetLastInScoreRange);
    REDISMODULE_INIT_FETCH_(ZsetFirstInLexRange);
    REDISMODULE_INIT_FETCH_(ZsetLastInLexRange);
    REDISMODULE_INIT_FETCH_(ZsetRangeCurrentElement);
    REDISMODULE_INIT_FETCH_(ZsetRangeNext);
    REDISMODULE_INIT_FETCH_(ZsetRangePrev);
    REDISMODULE_INIT_FETCH_(HashSet);
    REDISMODULE_INIT_FETCH_(HashGet);
    REDISMODULE_INIT_FETCH_(StreamAdd);
    REDISMODULE_INIT_FETCH_(StreamDelete);
    REDISMODULE_INIT_FETCH_(StreamIteratorStart);
    REDISMODULE_INIT_FETCH_(StreamIteratorStop);
    REDISMODULE_INIT_FETCH_(StreamIteratorNextID);
    REDISMODULE_INIT_FETCH_(StreamIteratorNextField);
    REDISMODULE_INIT_FETCH_(StreamIteratorDelete);
    REDISMODULE_INIT_FETCH_(StreamTrimByLength);
    REDISMODULE_INIT_FETCH_(StreamTrimByID);
    REDISMODULE_INIT_FETCH_(FreeCallReply);
    REDISMODULE_INIT_FETCH_(CallReplyType);
    REDISMODULE_INIT_FETCH_(CallReplyLength);
    REDISMODULE_INIT_FETCH_(CallReplyArrayElement);
    REDISMODULE_INIT_FETCH_(CallReplyInteger);
    REDISMODULE_INIT_FETCH_(CallReplyDouble);
    REDISMODULE_INIT_FETCH_(CallReplyBigNumber);
    REDISMODULE_INIT_FETCH_(CallReplyVerbatim);
    REDISMODULE_INIT_FETCH_(CallReplyBool);
    REDISMODULE_INIT_FETCH_(CallReplySetElement);
    REDISMODULE_INIT_FETCH_(CallReplyMapElement);
    REDISMODULE_INIT_FETCH_(CallReplyAttribute);
    REDISMODULE_INIT_FETCH_(CallReplyAttributeElement);
    REDISMODULE_INIT_FETCH_(CallReplyPromiseSetUnblockHandler);
    REDISMODULE_INIT_FETCH_(CallReplyPromiseAbort);
    REDISMODULE_INIT_FETCH_(CallReplyStringPtr);
    REDISMODULE_INIT_FETCH_(CreateStringFromCallReply);
    REDISMODULE_INIT_FETCH_(SetContextUser);
    REDISMODULE_INIT_FETCH_(Call);
    REDISMODULE_INIT_FETCH_(CallReplyProto);
    REDISMODULE_INIT_FETCH_(CreateDataType);
    REDISMODULE_INIT_FETCH_(ModuleTypeSetValue);
    REDISMODULE_INIT_FETCH_(ModuleTypeGetType);
    REDISMODULE_INIT_FETCH_(ModuleTypeGetValue);
    REDISMODULE_INIT_FETCH_(IsIOError);
    REDISMODULE_INIT_FETCH_(SaveUnsigned);
    REDISMODULE_INIT_FETCH_(LoadUnsigned);
    REDISMODULE_INIT_FETCH_(SaveSigned);
    REDISMODULE_INIT_FETCH_(LoadSigned);
    REDISMODULE_INIT_FETCH_(SaveString);
    REDISMODULE_INIT_FETCH_(SaveStringBuffer);
    REDISMODULE_INIT_FETCH_(LoadString);
    REDISMODULE_INIT_FETCH_(LoadStringBuffer);
    REDISMODULE_INIT_FETCH_(SaveDouble);
    REDISMODULE_INIT_FETCH_(LoadDouble);
    REDISMODULE_INIT_FETCH_(SaveFloat);
    REDISMODULE_INIT_FETCH_(LoadFloat);
    REDISMODULE_INIT_FETCH_(SaveLongDouble);
    REDISMODULE_INIT_FETCH_(LoadLongDouble);
    REDISMODULE_INIT_FETCH_(DigestAddStringBuffer);
    REDISMODULE_INIT_FETCH_(DigestAddLongLong);
    REDISMODULE_INIT_FETCH_(DigestEndSequence);
    REDISMODULE_INIT_FETCH_(LoadDataTypeFromStringEncver);
    REDISMODULE_INIT_FETCH_(LoadDataTypeFromString);
    REDISMODULE_INIT_FETCH_(SaveDataTypeToString);
    REDISMODULE_INIT_FETCH_(GetKeyNameFromDigest);
    REDISMODULE_INIT_FETCH_(GetDbIdFromDigest);
    REDISMODULE_INIT_FETCH_(EmitAOF);
    REDISMODULE_INIT_FETCH_(GetContextFromIO);
    REDISMODULE_INIT_FETCH_(GetKeyNameFromIO);
    REDISMODULE_INIT_FETCH_(GetKeyNameFromModuleKey);
    REDISMODULE_INIT_FETCH_(GetDbIdFromModuleKey);
    REDISMODULE_INIT_FETCH_(GetDbIdFromIO);
    REDISMODULE_INIT_FETCH_(Log);
    REDISMODULE_INIT_FETCH_(LogIOError);
    REDISMODULE_INIT_FETCH_(_Assert);
    REDISMODULE_INIT_FETCH_(LatencyAddSample);
    REDISMODULE_INIT_FETCH_(RegisterAuthCallback);
    REDISMODULE_INIT_FETCH_(BlockClient);
    REDISMODULE_INIT_FETCH_(BlockClientOnAuth);
    REDISMODULE_INIT_FETCH_(BlockClientGetPrivateData);
    REDISMODULE_INIT_FETCH_(BlockClientSetPrivateData);
    REDISMODULE_INIT_FETCH_(BlockClientOnKeys);
    REDISMODULE_INIT_FETCH_(BlockClientOnKeysWithFlags);
    REDISMODULE_INIT_FETCH_(SignalKeyAsReady);
    REDISMODULE_INIT_FETCH_(UnblockClient);
    REDISMODULE_INIT_FETCH_(AbortBlock);
    REDISMODULE_INIT_FETCH_(SetDisconnectCallback);
    REDISMODULE_INIT_FETCH_(IsBlockedReplyRequest);
    REDISMODULE_INIT_FETCH_(IsBlockedTimeoutRequest);
    REDISMODULE_INIT_FETCH_(GetBlockedClientPrivateData);
    REDISMODULE_INIT_FETCH_(GetBlockedClientReadyKey);
    REDISMODULE_INIT_FETCH_(GetBlockedClientHandle);
    REDISMODULE_INIT_FETCH_(BlockedClientDisconnected);
    REDISMODULE_INIT_FETCH_(GetThreadSafeContext);
    REDISMODULE_INIT_FETCH_(GetDetachedThreadSafeContext);
    REDISMODULE_INIT_FETCH_(FreeThreadSafeContext);
    REDISMODULE_INIT_FETCH_(ThreadSafeContextLock);
    REDISMODULE_INIT_FETCH_(ThreadSafeContextTryLock);
    REDISMODULE_INIT_FETCH_(ThreadSafeContextUnlock);
    REDISMODULE_INIT_FETCH_(SubscribeToKeyspaceEvents);
    REDISMODULE_INIT_FETCH_(AddPostNotificationJob);
    REDISMODULE_INIT_FETCH_(GetNotifyKeyspaceEvents);
    REDISMODULE_INIT_FETCH_(NotifyKeyspaceEvent);
    REDISMODULE_INIT_FETCH_(RegisterClusterMessageReceiver);
    REDISMODULE_INIT_FETCH_(SendClusterMessage);
    REDISMODULE_INIT_FETCH_(GetClusterNodesList);
    REDISMODULE_INIT_FETCH_(FreeClusterNodesList);
    REDISMODULE_INIT_FETCH_(GetMyClusterID);
    REDISMODULE_INIT_FETCH_(GetClusterSize);
    REDISMODULE_INIT_FETCH_(GetClusterNodeInfo);
    REDISMODULE_INIT_FETCH_(SetClusterFlags);
    REDISMODULE_INIT_FETCH_(CreateTimer);
    REDISMODULE_INIT_FETCH_(StopTimer);
    REDISMODULE_INIT_FETCH_(GetTimerInfo);
    REDISMODULE_INIT_FETCH_(EventLoopAdd);
    REDISMODULE_INIT_FETCH_(EventLoopDel);
    REDISMODULE_INIT_FETCH_(EventLoopAddOneShot);
    REDISMODULE_INIT_FETCH_(CreateModuleUser);
    REDISMODULE_INIT_FETCH_(FreeModuleUser);
    REDISMODULE_INIT_FETCH_(SetModuleUserACL);
    REDISMODULE_INIT_FETCH_(SetModuleUserACLString);
    REDISMODULE_INIT_FETCH_(GetModuleUserACLString);
    REDISMODULE_INIT_FETCH_(GetCurrentUserName);
    REDISMODULE_INIT_FETCH_(GetModuleUserFromUserName);
    REDISMODULE_INIT_FETCH_(ACLCheckCommandPermissions);
    REDISMODULE_INIT_FETCH_(ACLCheckKeyPermissions);
    REDISMODULE_INIT_FETCH_(ACLCheckChannelPermissions);
    REDISMODULE_INIT_FETCH_(ACLAddLogEntry);
    REDISMODULE_INIT_FETCH_(ACLAddLogEntryByUserName);
    REDISMODULE_INIT_FETCH_(AuthenticateClientWithUser);
    REDISMODULE_INIT_FETCH_(AuthenticateClientWithACLUser);
    REDISMODULE_INIT_FETCH_(DeauthenticateAndCloseClient);
    REDISMODULE_INIT_FETCH_(RedactClientCommandArgument);
    REDISMODULE_INIT_FETCH_(GetClientCertificate);
    REDISMODULE_INIT_FETCH_(CreateDict);
    REDISMODULE_INIT_FETCH_(FreeDict);
    REDISMODULE_INIT_FETCH_(DictSize);
    REDISMODULE_INIT_FETCH_(DictSetC);
    REDISMODULE_INIT_FETCH_(DictReplaceC);
    REDISMODULE_INIT_FETCH_(DictSet);
    REDISMODULE_INIT_FETCH_(DictReplace);
    REDISMODULE_INIT_FETCH_(DictGetC);
    REDISMODULE_INIT_FETCH_(DictGet);
    REDISMODULE_INIT_FETCH_(DictDelC);
    REDISMODULE_INIT_FETCH_(DictDel);
    REDISMODULE_INIT_FETCH_(DictIteratorStartC);
    REDISMODULE_INIT_FETCH_(DictIteratorStart);
    REDISMODULE_INIT_FETCH_(DictIteratorStop);
    REDISMODULE_INIT_FETCH_(DictIteratorReseekC);
    REDISMODULE_INIT_FETCH_(DictIteratorReseek);
    REDISMODULE_INIT_FETCH_(DictNextC);
    REDISMODULE_INIT_FETCH_(DictPrevC);
    REDISMODULE_INIT_FETCH_(DictNext);
    REDISMODULE_INIT_FETCH_(DictPrev);
    REDISMODULE_INIT_FETCH_(DictCompareC);
    REDISMODULE_INIT_FETCH_(DictCompare);
    REDISMODULE_INIT_FETCH_(InfoAddSection);
    REDISMODULE_INIT_FETCH_(InfoBeginDictField);
    REDISMODULE_INIT_FETCH_(InfoEndDictField);
    REDISMODULE_INIT_FETCH_(InfoAddFieldString);
    REDISMODULE_INIT_FETCH_(InfoAddFieldCString);
    REDISMODULE_INIT_FETCH_(InfoAddFieldDouble);
    REDISMODULE_INIT_FETCH_(InfoAddFieldLongLong);
    REDISMODULE_INIT_FETCH_(InfoAddFieldULongLong);
    REDISMODULE_INIT_FETCH_(RegisterInfoFunc);
    REDISMODULE_INIT_FETCH_(GetServerInfo);
    REDISMODULE_INIT_FETCH_(FreeServerInfo);
    REDISMODULE_INIT_FETCH_(ServerInfoGetField);
    REDISMODULE_INIT_FETCH_(ServerInfoGetFieldC);
    REDISMODULE_INIT_FETCH_(ServerInfoGetFieldSigned);
    REDISMODULE_INIT_FETCH_(ServerInfoGetFieldUnsigned);
    REDISMODULE_INIT_FETCH_(ServerInfoGetFieldDouble);
    REDISMODULE_INIT_FETCH_(GetRandomBytes);
    REDISMODULE_INIT_FETCH_(GetRandomHexChars);
    REDISMODULE_INIT_FETCH_(ExportSharedAPI);
    REDISMODULE_INIT_FETCH_(GetSharedAPI);
    REDISMODULE_INIT_FETCH_(RegisterCommandFilter);
    REDISMODULE_INIT_FETCH_(UnregisterCommandFilter);
    REDISMODULE_INIT_FETCH_(CommandFilterArgsCount);
    REDISMODULE_INIT_FETCH_(CommandFilterArgGet);
    REDISMODULE_INIT_FETCH_(CommandFilterArgInsert);
    REDISMODULE_INIT_FETCH_(CommandFilterArgReplace);
    REDISMODULE_INIT_FETCH_(CommandFilterArgDelete);
    REDISMODULE_INIT_FETCH_(CommandFilterGetClientId);
    REDISMODULE_INIT_FETCH_(MallocSize);
    REDISMODULE_INIT_FETCH_(MallocUsableSize);
    REDISMODULE_INIT_FETCH_(MallocSizeString);
    REDISMODULE_INIT_FETCH_(MallocSizeDict);
    REDISMODULE_INIT_FETCH_(GetUsedMemoryRatio);
    REDISMODULE_INIT_FETCH_(ScanCursorCreate);
    REDISMODULE_INIT_FETCH_(ScanCursorRestart);
    REDISMODULE_INIT_FETCH_(ScanCursorDestroy);
    REDISMODULE_INIT_FETCH_(Scan);
    REDISMODULE_INIT_FETCH_(ScanKey);
    REDISMODULE_INIT_FETCH_(Fork);
    REDISMODULE_INIT_FETCH_(SendChildHeartbeat);
    REDISMODULE_INIT_FETCH_(ExitFromChild);
    REDISMODULE_INIT_FETCH_(KillForkChild);
    REDISMODULE_INIT_FETCH_(SubscribeToServerEvent);
    REDISMODULE_INIT_FETCH_(IsSubEventSupported);
    REDISMODULE_INIT_FETCH_(RegisterStringConfig);
    REDISMODULE_INIT_FETCH_(RegisterBoolConfig);
    REDISMODULE_INIT_FETCH_(RegisterEnumConfig);
    REDISMODULE_INIT_FETCH_(RegisterNumericConfig);
    REDISMODULE_INIT_FETCH_(LoadConfigs);
    REDISMODULE_INIT_FETCH_(RdbStreamCreateFromFile);
    REDISMODULE_INIT_FETCH_(RdbStreamFree);
    REDISMODULE_INIT_FETCH_(RdbLoad);
    REDISMODULE_INIT_FETCH_(RdbSave);
    REDISMODULE_INIT_FETCH_(SetLRU);
    REDISMODULE_INIT_FETCH_(GetLRU);
    REDISMODULE_INIT_FETCH_(SetLFU);
    REDISMODULE_INIT_FETCH_(GetLFU);
    REDISMODULE_INIT_FETCH_(GetModuleOptionsAll);
    REDISMODULE_INIT_FETCH_(GetContextFlagsAll);
    REDISMODULE_INIT_FETCH_(GetKeyspaceNotificationFlagsAll);
    REDISMODULE_INIT_FETCH_(GetServerVersion);
    REDISMODULE_INIT_FETCH_(GetTypeMethodVersion);
    REDISMODULE_INIT_FETCH_(ModuleTypeReplaceValue);
    REDISMODULE_INIT_FETCH_(GetCommandKeysWithFlags);
    REDISMODULE_INIT_FETCH_(GetCommandKeys);
    REDISMODULE_INIT_FETCH_(GetCurrentCommandName);
    REDISMODULE_INIT_FETCH_(RegisterDefragFunc);
    REDISMODULE_INIT_FETCH_(DefragShouldStop);
    REDISMODULE_INIT_FETCH_(DefragCursorSet);
    REDISMODULE_INIT_FETCH_(DefragCursorGet);
    REDISMODULE_INIT_FETCH_(DefragAlloc);
    REDISMODULE_INIT_FETCH_(DefragRedisModuleString);
    REDISMODULE_INIT_FETCH_(GetKeyNameFromDefragCtx);
    REDISMODULE_INIT_FETCH_(GetDbIdFromDefragCtx);
#undef REDISMODULE_INIT_FETCH_
    if (RedisModule_IsModuleNameBusy && RedisModule_IsModuleNameBusy(name)) return REDISMODULE_ERR;
    RedisModule_SetModuleAttribs(ctx, name, ver, apiver);
    return REDISMODULE_OK;
}

/* Like assert(), but reports through the server log and crash report. */
#define RedisModule_Assert(_e) ((_e) ? (void)0 : (RedisModule__Assert(#_e, __FILE__, __LINE__), exit(1)))

/* True when the running server provides func (e.g. RedisModule_Fork). */
#define RMAPI_FUNC_SUPPORTED(func) (func != NULL)

#endif /* modules only */
#endif /* REDISMODULE_H */
