/// Notices that the open file changed on disk, for the run loop to reload it in place.
///
/// Call `poll(now:)` as often as convenient (every idle tick and after every key): it looks at
/// the file at most once per `interval`, with one `stat`, and returns true once per settled
/// change (see `FileChangeDetector`), so a change shows up between one and two intervals after
/// the writer is done.
struct FileWatcher {
  let path: String
  let interval: Duration
  private var detector: FileChangeDetector
  private var lastLook: ContinuousClock.Instant

  /// Starts watching `path`, taking what is there now as the content on screen.
  init(path: String, interval: Duration = .milliseconds(500), now: ContinuousClock.Instant = .now) {
    self.path = path
    self.interval = interval
    detector = FileChangeDetector(baseline: FileSignature.of(path: path))
    lastLook = now
  }

  /// Whether the file has changed and settled since it was last read; looks only when
  /// `interval` has passed since the last look.
  mutating func poll(now: ContinuousClock.Instant = .now) -> Bool {
    guard now - lastLook >= interval else { return false }
    lastLook = now
    return detector.observe(FileSignature.of(path: path))
  }

  /// Records that the file was just read again (`r`, or after `poll` reported a change).
  ///
  /// Take the signature before reading the bytes: a write that lands during the read then
  /// still differs from the baseline and is reported, so the screen is never left behind.
  mutating func didReload(signature: FileSignature?, now: ContinuousClock.Instant = .now) {
    detector.reset(to: signature)
    lastLook = now
  }
}
