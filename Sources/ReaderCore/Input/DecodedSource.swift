/// A document's text decoded from its bytes, with what decoding had to change or noticed.
public struct DecodedSource: Hashable, Sendable {
  /// The text: valid Unicode, line ends as `\n`, no byte order mark, no NUL.
  public var text: String
  public var encoding: SourceEncoding
  /// Bytes that were not valid in `encoding`, each maximal invalid sequence replaced by one U+FFFD.
  public var invalidBytes: Int
  /// NUL characters, each replaced by U+FFFD.
  public var nulCharacters: Int
  /// Whether the start of the file looks like binary data rather than text (see `BinaryDetector`).
  public var looksBinary: Bool

  public init(
    text: String, encoding: SourceEncoding, invalidBytes: Int, nulCharacters: Int, looksBinary: Bool
  ) {
    self.text = text
    self.encoding = encoding
    self.invalidBytes = invalidBytes
    self.nulCharacters = nulCharacters
    self.looksBinary = looksBinary
  }

  /// The encoding's name for the status line when it is not UTF-8 (`GB18030`), else nil.
  public var encodingLabel: String? { encoding.isUTF8 ? nil : encoding.name }

  /// Whether there is nothing to show: no bytes, only a byte order mark, or only whitespace.
  public var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }

  /// A note for the status line about what was replaced, such as `3 invalid bytes replaced`.
  public var notice: Message? {
    invalidBytes > 0 || nulCharacters > 0
      ? .replaced(invalidBytes: invalidBytes, nulCharacters: nulCharacters) : nil
  }
}
