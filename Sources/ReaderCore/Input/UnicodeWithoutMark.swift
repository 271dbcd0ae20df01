/// Recognises UTF-16 and UTF-32 text that has no byte order mark, which uchardet 0.0.7 does not.
///
/// Such text always has NUL bytes (the high bytes of ASCII, or UTF-32's zero top byte), so only
/// a sample holding one is looked at. Each candidate byte order reads the sample as code units;
/// it wins when nearly all of them are characters text is made of (letters of the common
/// scripts, CJK, punctuation, line ends). Byte-swapped CJK lands in unassigned or rare blocks,
/// and binary data is mostly NUL and controls, so neither comes close.
enum UnicodeWithoutMark {
  /// The share of code units that must be text characters, in per mille.
  static let threshold = 950
  /// At most this many code units of the sample are looked at.
  static let sampleUnits = 4096

  static func guess(_ bytes: UnsafeRawBufferPointer) -> SourceEncoding? {
    let candidates: [(SourceEncoding, width: Int, bigEndian: Bool)] = [
      (.utf32LittleEndian, 4, false), (.utf32BigEndian, 4, true),
      (.utf16LittleEndian, 2, false), (.utf16BigEndian, 2, true),
    ]
    for (encoding, width, bigEndian) in candidates where bytes.count >= 2 * width {
      if score(bytes, width: width, bigEndian: bigEndian) >= threshold { return encoding }
    }
    return nil
  }

  /// Per mille of the sample's code points that are text characters.
  private static func score(_ bytes: UnsafeRawBufferPointer, width: Int, bigEndian: Bool) -> Int {
    let units = min(bytes.count / width, sampleUnits)
    var good = 0
    var total = 0
    var index = 0
    func unit(_ at: Int) -> UInt32 {
      var value: UInt32 = 0
      for offset in 0..<width {
        let byte = UInt32(bytes[at * width + (bigEndian ? offset : width - 1 - offset)])
        value = value << 8 | byte
      }
      return value
    }
    while index < units {
      var scalar = unit(index)
      index += 1
      if width == 2 && (0xD800..<0xDC00).contains(scalar) && index < units {
        let low = unit(index)
        guard (0xDC00..<0xE000).contains(low) else {
          total += 1
          continue
        }
        index += 1
        scalar = 0x10000 + ((scalar - 0xD800) << 10 | (low - 0xDC00))
      }
      total += 1
      if isTextCharacter(scalar) { good += 1 }
    }
    return total == 0 ? 0 : good * 1000 / total
  }

  private static func isTextCharacter(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F: return true
    case 0x370...0x52F, 0x590...0x6FF, 0xE00...0xE7F: return true
    case 0x2000...0x206F, 0x2100...0x27BF, 0x3000...0x9FFF: return true
    case 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF: return true
    case 0x1F300...0x1FAFF, 0x20000...0x3134F: return true
    default: return false
    }
  }
}
