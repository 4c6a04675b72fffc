package scripting

import (
	"errors"
	"time"

	"modhost/engine"
)

// Busy scripts. A script holds the execution lock from start to end. Once
// it has run longer than busy-reply-threshold it lets go of the lock now
// and then, with the server marked busy: other clients then get BUSY for
// everything but allow-busy commands (SCRIPT KILL, SHUTDOWN NOSAVE, MULTI,
// ...), as Redis answers them while a script is timed out. gopher-lua has
// no instruction hook, but it polls its context's Done on every
// instruction; pollCtx counts those polls and checks the clock every
// pollEvery of them.

const pollEvery = 100000

// Texts of a busy or killed script.
const (
	msgBusy       = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE."
	msgKilled     = "ERR Script killed by user with SCRIPT KILL..."
	msgUnkillable = "UNKILLABLE Sorry the script already executed write commands against the dataset. " +
		"You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command."
	msgUnkillableMaster = "UNKILLABLE The busy script was sent by a master instance in the context of replication and cannot be killed."
)

var errKilled = errors.New("Script killed by user with SCRIPT KILL...")

// pollCtx is the context.Context a script runs under.
type pollCtx struct {
	st   *State
	n    int
	done chan struct{}
	// killed is set, and done closed, by SCRIPT KILL.
	killed bool
}

func (p *pollCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (p *pollCtx) Value(any) any               { return nil }

func (p *pollCtx) Err() error {
	if p.killed {
		return errKilled
	}
	return nil
}

func (p *pollCtx) Done() <-chan struct{} {
	if p.n++; p.n >= pollEvery {
		p.n = 0
		p.st.interrupt()
	}
	return p.done
}

// interrupt is the periodic check of a running script: past the
// threshold the server turns busy and other clients get a turn.
func (st *State) interrupt() {
	run := st.run
	if run == nil {
		return
	}
	if !run.timedOut {
		limit := int64(5000)
		if cfg := st.srv.Cfg(); cfg != nil {
			limit = cfg.Int("busy-reply-threshold")
		}
		elapsed := time.Since(run.start).Milliseconds()
		if limit <= 0 || elapsed < limit {
			return
		}
		if st.log != nil {
			st.log.Logf(logWarning, "Slow script detected: still in execution after %d milliseconds. "+
				"You can try killing the script using the SCRIPT KILL command. Script name is: %s.", elapsed, run.sha)
		}
		run.timedOut = true
		st.srv.BusyReply = msgBusy
	}
	// Other clients' commands run now (most get BUSY); the script goes on
	// once the lock is back.
	st.srv.HandOver()
}

// kill is SCRIPT KILL: it stops a timed-out script that has not written
// yet, and returns the error text when it cannot.
func (st *State) kill() string {
	run := st.run
	switch {
	case run == nil || run.poll == nil:
		return msgNotBusy
	case run.caller.Flags&engine.ClientMaster != 0:
		return msgUnkillableMaster
	case run.writeDirty:
		return msgUnkillable
	}
	if !run.poll.killed {
		run.poll.killed = true
		close(run.poll.done)
	}
	return ""
}
