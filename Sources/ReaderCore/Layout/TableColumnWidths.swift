/// Shares a table's width among its columns by content: every column gets its natural width when
/// all fit; otherwise each starts at its longest word (tighter still, two characters) and the rest
/// is levelled: columns that want little get all of it, the others share what is left equally.
struct TableColumnWidths {
  /// The widest cell of each column on one line.
  var natural: [Int]
  /// The longest piece of each column that no line break may split (a Latin word, 好，).
  var word: [Int]
  /// The widest single character of each column: less than this loses text.
  var character: [Int]

  /// Measures cells given as `cells[row][column]`, every row as long as the widest.
  init(cells: [[[InlineRun]]], columnCount: Int) {
    natural = Array(repeating: 0, count: columnCount)
    word = Array(repeating: 0, count: columnCount)
    character = Array(repeating: 1, count: columnCount)
    allWide = Array(repeating: true, count: columnCount)
    for row in cells {
      for (column, runs) in row.enumerated() where column < columnCount {
        let clusters = Cluster.clusters(of: runs)
        var line = 0
        var piece = 0
        for (index, cluster) in clusters.enumerated() {
          if index > 0 && LineBreakRules.canBreak(before: index, in: clusters) {
            word[column] = max(word[column], piece)
            piece = 0
          }
          if cluster.isNewline {
            natural[column] = max(natural[column], line)
            line = 0
            continue
          }
          line += cluster.width
          if !cluster.isSpace { piece += cluster.width }
          character[column] = max(character[column], cluster.width)
          if !cluster.isSpace && cluster.width < 2 { allWide[column] = false }
        }
        natural[column] = max(natural[column], line)
        word[column] = max(word[column], piece)
      }
    }
    for column in 0..<columnCount {
      natural[column] = max(natural[column], character[column])
      word[column] = min(max(word[column], character[column]), natural[column])
    }
  }

  /// Whether every character of the column is two columns wide (CJK): an odd width wastes one.
  var allWide: [Bool]

  /// The width of each column when the columns share `available` columns, or nil when a column
  /// would get less than two characters (or its whole content, when that is narrower).
  func widths(available: Int) -> [Int]? {
    if natural.reduce(0, +) <= available { return natural }
    let twoCharacters = zip(natural, character).map { min($0, 2 * $1) }
    let base = word.reduce(0, +) <= available ? word : twoCharacters
    guard base.reduce(0, +) <= available else { return nil }
    return evened(levelled(from: base, within: available))
  }

  /// Columns that want little get all they want; the others share what is left equally.
  private func levelled(from base: [Int], within available: Int) -> [Int] {
    func total(_ level: Int) -> Int {
      zip(base, natural).reduce(0) { $0 + min($1.1, max($1.0, level)) }
    }
    var low = 0
    var high = natural.max() ?? 0
    while low < high {
      let mid = (low + high + 1) / 2
      if total(mid) <= available { low = mid } else { high = mid - 1 }
    }
    var widths = zip(base, natural).map { min($0.1, max($0.0, low)) }
    var left = available - widths.reduce(0, +)
    for column in widths.indices where left > 0 && widths[column] < natural[column] {
      widths[column] += 1
      left -= 1
    }
    return widths
  }

  /// A CJK column of odd width gives its last column to a column that can use it.
  private func evened(_ widths: [Int]) -> [Int] {
    var widths = widths
    for column in widths.indices where allWide[column] && widths[column] % 2 == 1 && widths[column] > 2 {
      guard
        let taker = widths.indices.first(where: {
          $0 != column && widths[$0] < natural[$0] && (!allWide[$0] || widths[$0] % 2 == 1)
        })
      else { continue }
      widths[column] -= 1
      widths[taker] += 1
    }
    return widths
  }
}
