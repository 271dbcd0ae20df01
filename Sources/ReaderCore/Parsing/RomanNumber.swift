/// Reads Roman numerals in English chapter headings (`Chapter IV`).
enum RomanNumber {
  private static let values: [Character: Int] = [
    "I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000,
  ]

  /// The value of upper-case Roman numerals, or nil.
  static func value(of text: Substring) -> Int? {
    guard !text.isEmpty else { return nil }
    var total = 0
    var previous = 0
    for character in text.reversed() {
      guard let value = values[character] else { return nil }
      total += value < previous ? -value : value
      previous = max(previous, value)
    }
    return total
  }
}
