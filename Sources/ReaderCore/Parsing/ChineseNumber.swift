/// Reads the numbers of chapter headings: Arabic or fullwidth digits (`12`, `１２`) and Chinese
/// numerals (`十二`, `一百零八`, `两千`, `〇三`).
enum ChineseNumber {
  private static let digits: [Character: Int] = [
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
  ]
  private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "萬": 10_000, "万": 10_000]

  /// The value, or nil when the characters are not one number.
  static func value(of text: Substring) -> Int? {
    if let value = Int(String(text.map { fullwidthToASCII($0) })) { return value }
    var total = 0
    var section = 0
    var digit: Int?
    var positional = true
    for character in text {
      if let value = digits[character] {
        // 一〇八 is read digit by digit; after a unit (一百零八) a digit stands alone.
        digit = positional ? (digit ?? 0) * 10 + value : value
      } else if let unit = units[character] {
        positional = false
        if unit == 10_000 {
          total += (section + (digit ?? 0)) * unit
          section = 0
        } else {
          section += (digit ?? 1) * unit
        }
        digit = nil
      } else {
        return nil
      }
    }
    return total + section + (digit ?? 0)
  }

  private static func fullwidthToASCII(_ character: Character) -> Character {
    guard let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) else {
      return character
    }
    return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
  }
}
