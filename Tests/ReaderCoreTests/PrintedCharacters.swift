@testable import ReaderCore

/// The visible characters that `--print --width W` shows, in reading order, for checks that
/// nothing is dropped or doubled at any width.
///
/// Decorations (continuation and scroll marks, table and code rules, quote bars, repeated record
/// labels) are left out, and so are spaces and zero-width scalars. A table row whose cells wrap
/// is read cell by cell, the way it reads at an unlimited width, not line by line across cells.
enum PrintedCharacters {
  static func sequence(of document: Document, width: Int) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    var row: LineKey?
    var cells: [String] = []
    func flush() {
      for cell in cells { append(cell) }
      cells = []
      row = nil
    }
    func append(_ text: String) {
      result += text.unicodeScalars.filter { !$0.properties.isWhitespace && DisplayWidth.of($0) > 0 }
    }
    DocumentPrinter.forEachLine(of: document, width: width) { line in
      guard line.spans.contains(where: { $0.isDecoration && $0.text == TableLayouter.separator }) else {
        flush()
        append(line.spans.filter { !$0.isDecoration }.map(\.text).joined())
        return
      }
      let lineRow = LineKey(leaf: line.key.leaf, offset: line.key.offset >> 16)
      if lineRow != row { flush() }
      row = lineRow
      var column = 0
      for span in line.spans {
        if span.isDecoration {
          if span.text == TableLayouter.separator { column += 1 }
          continue
        }
        while cells.count <= column { cells.append("") }
        cells[column] += span.text
      }
    }
    flush()
    return result
  }
}
