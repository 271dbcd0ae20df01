import ReaderCore

/// How a document's bytes are read: the command-line choices that decoding and importing obey.
struct ImportOptions {
  /// Open a file even if it looks binary.
  var force = false
  /// The encoding given with `--encoding`, which replaces detection; nil detects.
  var encoding: SourceEncoding?
  /// Join the lines of hard-wrapped plain text into paragraphs (off with `--no-reflow`).
  var reflow = true
}
