package engine

// ForkStatus is what INFO reports about a fork child. modhost forks only
// for RedisModule_Fork (BGSAVE and BGREWRITEAOF write without a child), so
// these are the module child's numbers.
type ForkStatus struct {
	// InProgress is set while a module child runs (module_fork_in_progress).
	InProgress bool
	// CowPeak, CowSize and CowAge describe the running child's
	// copy-on-write memory: the peak, the last reading and its age in
	// seconds.
	CowPeak, CowSize uint64
	CowAge           int64
	// Perc is current_fork_perc: the module's reported progress in percent.
	Perc float64
	// KeysTotal is the number of keys when the child was forked.
	KeysTotal int64
	// LastCowSize is the peak CoW of the last child that exited cleanly.
	LastCowSize uint64
	// TotalForks and LatestForkUsec feed INFO stats.
	TotalForks, LatestForkUsec int64
}

// ForkStatus asks the Fork hook; without one nothing has forked.
func (r *InfoRegistry) ForkStatus() ForkStatus {
	if r.Fork == nil {
		return ForkStatus{}
	}
	return r.Fork()
}
