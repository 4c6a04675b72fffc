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
