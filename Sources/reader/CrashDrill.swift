import Glibc

/// A deliberate crash after the first paint, for the tests that check the terminal is restored
/// and the crash message survives. Only the READER_CRASH_DRILL environment variable starts it.
enum CrashDrill {
  static func runIfRequested() {
    switch StandardStream.environment("READER_CRASH_DRILL") {
    case "fatal":
      fatalError("crash drill: deliberate fatalError")
    case "index":
      let values = [1, 2, 3]
      let index = values.count + Int(getpid() % 1)
      _ = values[index]
    default:
      return
    }
  }
}
