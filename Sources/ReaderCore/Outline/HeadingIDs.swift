/// The ids GitHub gives headings, which `#anchor` links name: the heading's text lowercased, its
/// punctuation and symbols removed, each space turned into `-`, letters of every script kept (CJK
/// too), and `-1`, `-2`, ... after a repeated id.
enum HeadingIDs {
  /// The id of a heading whose text is `text`, before duplicates are numbered.
  static func slug(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
        .connectorPunctuation:
        result.append(scalar)
      case .spaceSeparator where scalar == " ":
        result.append("-")
      case .dashPunctuation where scalar == "-":
        result.append(scalar)
      default:
        continue
      }
    }
    return String(result)
  }

  /// The heading blocks of `blocks` (nested ones too) in document order, each with its top-level
  /// index and GitHub id.
  static func headings(in blocks: some Sequence<Block>) -> [(topIndex: Int, block: Block, id: String)] {
    var seen: [String: Int] = [:]
    var result: [(topIndex: Int, block: Block, id: String)] = []
    for (index, top) in blocks.enumerated() {
      var pending = [top]
      while let block = pending.popLast() {
        if case .heading(_, let runs) = block.kind {
          let text = runs.filter { !$0.style.contains(.image) }.plainText
          let base = slug(text)
          var id = base
          while seen[id] != nil {
            seen[base, default: 0] += 1
            id = base + "-\(seen[base] ?? 0)"
          }
          seen[id] = 0
          result.append((index, block, id))
        }
        pending += block.children.reversed()
      }
    }
    return result
  }
}
