/// The whole-word rule for names: a Latin edge must not touch another Latin letter or digit.
///
/// CJK text has no spaces between words, so a CJK edge of a name may touch anything: 奧特曼
/// is found in 奧特曼派, and Altman in 「Altman的」. A Latin edge may not run into a Latin
/// word: Sam is not found in Samuel nor in 2Sam.
public enum WholeWord {
  /// Whether `scalar` belongs to a Latin word: an ASCII or full-width letter or digit, a Latin
  /// letter with a diacritic, or a combining mark (which extends the letter before it).
  public static func isLatinWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF:
      return scalar.properties.isAlphabetic
    case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF: return true
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
    default: return false
    }
  }
}
