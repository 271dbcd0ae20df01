import ReaderCore

/// How a document's bytes are read: the command-line choices that decoding and importing obey.
struct ImportOptions {
  /// Open a file even if it looks binary.
  var force = false
  /// The encoding given with `--encoding`, which replaces detection; nil detects.
  var encoding: SourceEncoding?
}
