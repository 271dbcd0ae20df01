import ArgumentParser
import ReaderCore

extension Theme.Name: ExpressibleByArgument {}
