import ArgumentParser
import ReaderCore

extension DisplayScript: ExpressibleByArgument {}
