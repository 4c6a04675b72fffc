package commands

// Reply error texts, spelled exactly as Redis spells them.
const (
	msgWrongType       = "WRONGTYPE Operation against a key holding the wrong kind of value"
	msgSyntax          = "ERR syntax error"
	msgNotInteger      = "ERR value is not an integer or out of range"
	msgNotFloat        = "ERR value is not a valid float"
	msgOverflow        = "ERR increment or decrement would overflow"
	msgIncrFloatNaN    = "ERR increment would produce NaN or Infinity"
	msgNoSuchKey       = "ERR no such key"
	msgDBIndex         = "ERR DB index is out of range"
	msgInvalidDBIndex  = "ERR invalid DB index"
	msgInvalidExpire   = "ERR invalid expire time in '%s' command"
	msgOutOfRange      = "ERR index out of range"
	msgStringTooLong   = "ERR string exceeds maximum allowed size (proto-max-bulk-len)"
	msgBitOffset       = "ERR bit offset is not an integer or out of range"
	msgBitValue        = "ERR bit is not an integer or out of range"
	msgNoAuth          = "NOAUTH Authentication required."
	msgInvalidPassword = "WRONGPASS invalid username-password pair or user is disabled."
	msgNegativeTimeout = "ERR timeout is negative"
	msgTimeoutNotFloat = "ERR timeout is not a float or out of range"
	msgSameObject      = "ERR source and destination objects are the same"
)

// Pub/Sub and transaction errors.
const (
	msgSubscribeDenied  = "ERR SUBSCRIBE isn't allowed for a DENY BLOCKING client"
	msgPsubscribeDenied = "ERR PSUBSCRIBE isn't allowed for a DENY BLOCKING client"
	msgSsubscribeDenied = "ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client"
	msgMultiNested      = "ERR MULTI calls can not be nested"
	msgDiscardNoMulti   = "ERR DISCARD without MULTI"
	msgWatchInMulti     = "ERR WATCH inside MULTI is not allowed"
)

// String, bit and generic key command errors.
const (
	msgOffsetRange      = "ERR offset is out of range"
	msgDecrOverflow     = "ERR decrement would overflow"
	msgLCSWrongType     = "ERR The specified keys must contain string values"
	msgLCSLenAndIdx     = "ERR If you want both the length and indexes, please just use IDX."
	msgLCSTooLong       = "ERR String too long for LCS"
	msgLCSMemory        = "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len"
	msgExpireNXConflict = "ERR NX and XX, GT or LT options at the same time are not compatible"
	msgExpireGTLT       = "ERR GT and LT options at the same time are not compatible"
	msgBitfieldType     = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is."
	msgBitfieldOverflow = "ERR Invalid OVERFLOW type specified"
	msgBitfieldRO       = "ERR BITFIELD_RO only supports the GET subcommand"
	msgBitopNot         = "ERR BITOP NOT must be called with a single source key."
	msgBitposBit        = "ERR The bit argument must be 1 or 0."
	msgScanCursor       = "ERR invalid cursor"
	msgFirstDBIndex     = "ERR invalid first DB index"
	msgSecondDBIndex    = "ERR invalid second DB index"
	msgUnknownTypeObj   = "ERR unknown type object"
	msgIdletimeLFU      = "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust."
	msgFreqNotLFU       = "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust."
)
