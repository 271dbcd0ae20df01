/// Turns document text into text that is safe to draw: no control byte ever reaches the terminal.
public enum VisibleText {
  /// Replaces every scalar the terminal would act on or cannot draw with a visible stand-in.
  ///
  /// C0 controls and DEL become Unicode control pictures (␛ for ESC), C1 controls and
  /// scalars glibc cannot measure become U+FFFD, and bidirectional overrides and isolates
  /// become visible markers, so document content can never move the cursor, retitle the
  /// terminal or reorder what is shown. Tabs become a single space; code blocks expand
  /// them to tab stops before calling this.
  ///
  /// Invisible format characters are never drawn as a mark with nothing to sit on (◌, which is for
  /// combining marks): the word joiners and breaks that copy-pasted web text is sprinkled with
  /// (ZWSP, WJ, a BOM in mid-text, soft hyphens) are removed everywhere, so search and layout see
  /// the text a browser shows; other format characters (ZWJ, ZWNJ, tag characters) stay where
  /// they follow a character, inside an emoji sequence or a word, and are removed at the start
  /// of the text or of a line, where they join nothing.
  public static func sanitize(_ text: String) -> String {
    if isDrawnAsItIs(text) { return text }
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if isFormat(scalar) {
        if !isRemovedFormat(scalar) && previous != nil && previous != "\n" { result.append(scalar) }
        continue
      }
      if isPlain(scalar) {
        result.append(scalar)
      } else {
        result.append(contentsOf: replacement(for: scalar).unicodeScalars)
      }
      previous = scalar
    }
    return String(result)
  }

  /// Whether `sanitize` leaves the text as it is, read a byte at a time: nearly every paragraph
  /// of a document, whose every scalar this looks at while it is parsed.
  static func isDrawnAsItIs(_ text: String) -> Bool {
    UTF8Bytes.withBytes(of: text) { bytes in
      var at = 0
      while at < bytes.count {
        let byte = bytes[at]
        if byte < 0x80 {
          guard (byte >= 0x20 && byte < 0x7F) || byte == 0x0A else { return false }
          at += 1
          continue
        }
        // U+4000-9FFF, CJK ideographs (most of a Chinese text): drawn as they are, no format.
        if byte >= 0xE4 && byte <= 0xE9 {
          at += 3
          continue
        }
        let scalar = UTF8Bytes.scalar(in: bytes, at: &at)
        if !isPlain(scalar) || isFormat(scalar) { return false }
      }
      return true
    }
  }

  /// Whether a scalar is an invisible format character (general category Cf, drawn with no
  /// width) that `sanitize` removes or keeps only after a character. Bidirectional controls are
  /// not: they are shown as markers, since they would reorder what is drawn.
  public static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    // Most text never gets past the first test.
    guard value >= 0xAD, !(0x4E00...0x9FFF).contains(value), !isCommonPunctuation(value) else { return false }
    if isBidiControl(value) { return false }
    if value == 0xAD { return true }
    return scalar.properties.generalCategory == .format && DisplayWidth.of(scalar) == 0
  }

  /// Format characters removed wherever they stand: they only say where a line may or may not
  /// break (ZWSP, WJ, BOM as a zero-width no-break space) or where a word may be hyphenated
  /// (soft hyphen: the reader never hyphenates, so the hint has nothing to do).
  static func isRemovedFormat(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xAD, 0x200B, 0x2060, 0xFEFF, 0x2061...0x2064: return true
    default: return false
    }
  }

  /// `sanitize` for text that must stay on one line (titles, file names): a line feed is shown as ␊.
  public static func singleLine(_ text: String) -> String {
    let visible = sanitize(text)
    guard visible.unicodeScalars.contains("\n") else { return visible }
    return String(String.UnicodeScalarView(visible.unicodeScalars.map { $0 == "\n" ? "\u{240A}" : $0 }))
  }

  /// Whether a scalar is drawn as itself.
  public static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return true }
    if value >= 0x4E00 && value <= 0x9FFF { return true }
    if value == 0x0A { return true }
    if isCommonPunctuation(value) { return true }
    if isBidiControl(value) { return false }
    return DisplayWidth.of(scalar) >= 0
  }

  /// The punctuation of Chinese text, drawn as itself and never a format character (the tests
  /// hold this against the width tables and Unicode's categories): dashes, quotes and ellipsis
  /// (U+2010-2027), CJK punctuation (U+3000-303F) and the fullwidth forms (U+FF01-FF60). Asked
  /// first, they spare a text's every comma the category and width look-ups.
  static func isCommonPunctuation(_ value: UInt32) -> Bool {
    (0x2010...0x2027).contains(value) || (0x3000...0x303F).contains(value)
      || (0xFF01...0xFF60).contains(value)
  }

  /// Whether a scalar is one `sanitize` draws in place of something else: a control picture or U+FFFD.
  public static func isStandIn(_ scalar: Unicode.Scalar) -> Bool {
    (0x2400...0x2421).contains(scalar.value) || scalar.value == 0xFFFD
  }

  /// Whether a scalar is a C0 or C1 control character or DEL.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (value >= 0x7F && value <= 0x9F)
  }

  static func isBidiControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      || value == 0x200E || value == 0x200F || value == 0x061C
  }

  static func replacement(for scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    if value == 0x09 { return " " }
    if value < 0x20 { return String(Unicode.Scalar(0x2400 + value)!) }
    if value == 0x7F { return "\u{2421}" }
    if isBidiControl(value) { return "\u{2983}" + hex(value) + "\u{2984}" }
    return "\u{FFFD}"
  }

  private static func hex(_ value: UInt32) -> String {
    String(value, radix: 16, uppercase: true)
  }
}
