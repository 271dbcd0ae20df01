/// Decides, from successive looks at a file's signature, when it has changed and settled.
///
/// A change counts once the new signature has been seen twice in a row: a file still being
/// written (its size growing between looks) is not reloaded half-way, and a file missing for
/// a moment (an editor's delete and rename) is not reported at all until it is back. After a
/// change is reported the new signature is the one to compare with.
struct FileChangeDetector {
  /// The signature of the content on screen.
  private(set) var baseline: FileSignature?
  private var lastSeen: FileSignature?

  init(baseline: FileSignature?) {
    self.baseline = baseline
    lastSeen = baseline
  }

  /// Takes one look; true when the file has changed since the baseline and stayed the same
  /// since the previous look.
  mutating func observe(_ signature: FileSignature?) -> Bool {
    defer { lastSeen = signature }
    guard let signature, signature != baseline, signature == lastSeen else { return false }
    baseline = signature
    return true
  }

  /// Makes `signature` the baseline: the content on screen was just read from this file.
  mutating func reset(to signature: FileSignature?) {
    baseline = signature
    lastSeen = signature
  }
}
