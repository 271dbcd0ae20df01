/// Reads the numbers of chapter headings: Arabic or fullwidth digits (`12`, `１２`) and Chinese
/// numerals (`十二`, `一百零八`, `两千`, `〇三`).
enum ChineseNumber {
  // Switches, not dictionaries: a Dictionary keyed by Character looks up Character's Hashable
  // conformance at run time the first time, a scan of every conformance in the executable, and a
  // book's first screen reads its chapter numbers.
  private static func digitValue(_ character: Character) -> Int? {
    switch character {
    case "零", "〇": 0
    case "一": 1
    case "二", "两", "兩": 2
    case "三": 3
    case "四": 4
    case "五": 5
    case "六": 6
    case "七": 7
    case "八": 8
    case "九": 9
    default: nil
    }
  }

  private static func unitValue(_ character: Character) -> Int? {
    switch character {
    case "十": 10
    case "百": 100
    case "千": 1000
    case "萬", "万": 10_000
    default: nil
    }
  }

  /// Whether `character` is a digit (ASCII or fullwidth) or a Chinese numeral `value(of:)` reads.
  static func isNumeral(_ character: Character) -> Bool {
    if character.isASCII { return character.isNumber }
    return fullwidthToASCII(character) != character || digitValue(character) != nil
      || unitValue(character) != nil
  }

  /// The value, or nil when the characters are not one number or it is too large for an `Int`
  /// (a line of 第 and twenty 九 trapped on the overflow and ended the reader).
  static func value(of text: Substring) -> Int? {
    if let value = Int(String(text.map { fullwidthToASCII($0) })) { return value }
    var total = 0
    var section = 0
    var digit: Int?
    var positional = true
    for character in text {
      if let value = digitValue(character) {
        // 一〇八 is read digit by digit; after a unit (一百零八) a digit stands alone.
        guard positional else {
          digit = value
          continue
        }
        guard let next = sum(product(digit ?? 0, 10), value) else { return nil }
        digit = next
      } else if let unit = unitValue(character) {
        positional = false
        if unit == 10_000 {
          guard let next = sum(total, product(sum(section, digit ?? 0), unit)) else { return nil }
          total = next
          section = 0
        } else {
          guard let next = sum(section, product(digit ?? 1, unit)) else { return nil }
          section = next
        }
        digit = nil
      } else {
        return nil
      }
    }
    return sum(sum(total, section), digit ?? 0)
  }

  private static func sum(_ left: Int?, _ right: Int?) -> Int? {
    guard let left, let right else { return nil }
    let (result, overflow) = left.addingReportingOverflow(right)
    return overflow ? nil : result
  }

  private static func product(_ left: Int?, _ right: Int) -> Int? {
    guard let left else { return nil }
    let (result, overflow) = left.multipliedReportingOverflow(by: right)
    return overflow ? nil : result
  }

  private static func fullwidthToASCII(_ character: Character) -> Character {
    guard let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) else {
      return character
    }
    return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
  }
}
