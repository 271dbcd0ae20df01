/// Orders a folder's file names as a file manager does: a number in a name by its value (第2章
/// before 第10章, part-9 before part-10, 第二回 before 第十回 and 第一百回), the rest by its
/// characters. A novel split into a file per chapter is then listed in reading order.
public enum FileNameOrder {
  /// `names` in this order, each name split into its pieces once (comparing split them again at
  /// every comparison: a folder of 20,000 files took 0.9 s to list instead of 0.25 s).
  public static func sorted(_ names: [String]) -> [String] {
    names.map { (name: $0, pieces: pieces(of: $0)) }.sorted { precedes($0.pieces, $1.pieces) }.map(\.name)
  }

  /// Whether `left` is listed before `right`: piece by piece, a number before text, numbers by
  /// value (then by how they are written, so `02` and `2` keep an order), text by its
  /// characters; a name that is the start of the other first.
  public static func precedes(_ left: String, _ right: String) -> Bool {
    precedes(pieces(of: left), pieces(of: right))
  }

  private static func precedes(_ leftPieces: [Piece], _ rightPieces: [Piece]) -> Bool {
    for (a, b) in zip(leftPieces, rightPieces) where a != b {
      switch (a, b) {
      case (.number(let x, let xText), .number(let y, let yText)): return x != y ? x < y : xText < yText
      case (.number, .text): return true
      case (.text, .number): return false
      case (.text(let x), .text(let y)): return x < y
      }
    }
    return leftPieces.count < rightPieces.count
  }

  private enum Piece: Equatable {
    case number(Int, String)
    case text(String)
  }

  /// The runs of a name: numbers (Arabic, fullwidth or Chinese numerals that read as one number)
  /// and the text between them.
  private static func pieces(of name: String) -> [Piece] {
    var pieces: [Piece] = []
    var run = ""
    var runIsNumeral = false
    func close() {
      guard !run.isEmpty else { return }
      if runIsNumeral, let value = ChineseNumber.value(of: Substring(run)) {
        pieces.append(.number(value, run))
      } else if case .text(let before)? = pieces.last {
        pieces[pieces.count - 1] = .text(before + run)
      } else {
        pieces.append(.text(run))
      }
      run = ""
    }
    for character in name {
      let numeral = ChineseNumber.isNumeral(character)
      if numeral != runIsNumeral { close() }
      runIsNumeral = numeral
      run.append(character)
    }
    close()
    return pieces
  }
}
