// Command modhost is a Redis-compatible server that loads unmodified C
// Redis modules. It takes redis-server's command line and config file.
package main

import (
	"os"

	"modhost/app"
)

func main() { os.Exit(app.Main(os.Args[1:])) }
