import ArgumentParser
import SendQLIO

// The formats are read from the command line by name, so `--help` lists them and a wrong one is a
// usage error (exit 64) naming every choice.
extension ResultFormat: ExpressibleByArgument {}
extension ErrorFormat: ExpressibleByArgument {}
