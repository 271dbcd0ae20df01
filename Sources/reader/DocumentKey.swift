/// Which document a remembered position belongs to: where it was read from and what it held.
struct DocumentKey: Hashable {
  /// The file's absolute path with symbolic links resolved, or a name for a document that has
  /// no path ("bundled:NAME" for the bundled article, "stdin" for standard input).
  var path: String
  /// `ContentHash.fnv1a64` of the bytes read.
  var contentHash: UInt64

  /// The state file's name: one per path, so a changed file replaces its old entry instead of
  /// piling up new ones; the content hash inside decides whether the position still applies.
  var fileName: String { ContentHash.hex(ContentHash.fnv1a64(path)) + ".json" }
}
