import XCTest

@testable import ReaderCore

/// A chapter's text nodes give the runs a browser would show, whether the builder hands its words
/// over one at a time or a line of them at once.
final class InlineBuilderTests: XCTestCase {
  /// The builder as it was, a space and a word at a time: what the joined words must equal.
  private struct WordByWord {
    var collector = InlineCollector()
    var isEmpty = true
    var pendingSpace: (lineEnd: Bool, style: TextStyle, target: InlineTarget?)?
    var afterLineBreak = false

    mutating func appendText(_ text: String, style: TextStyle, target: InlineTarget?) {
      var wordStart: String.Index?
      let scalars = text.unicodeScalars
      var index = scalars.startIndex
      while index < scalars.endIndex {
        let first = scalars[index].value
        guard MarkupElement.collapsedSpace(first), index.samePosition(in: text) != nil else {
          if wordStart == nil { wordStart = index }
          index = scalars.index(after: index)
          continue
        }
        if let start = wordStart { emit(String(text[start..<index]), style: style, target: target) }
        wordStart = nil
        let isNewline = (0x0A...0x0D).contains(first) || first == 0x85 || first == 0x2028 || first == 0x2029
        let lineEnd = isNewline || (pendingSpace?.lineEnd ?? false)
        pendingSpace = (lineEnd, pendingSpace?.style ?? style, pendingSpace?.target ?? target)
        index = text.index(after: index)
      }
      if let start = wordStart { emit(String(text[start...]), style: style, target: target) }
    }

    mutating func appendLineBreak(style: TextStyle) {
      guard !isEmpty else { return }
      pendingSpace = nil
      collector.append("\n", style: style)
      afterLineBreak = true
    }

    mutating func emit(_ text: String, style: TextStyle, target: InlineTarget?) {
      if let space = pendingSpace, !isEmpty, !afterLineBreak {
        if space.lineEnd {
          collector.softBreak(style: space.style, target: space.target)
        } else {
          collector.append(" ", style: space.style, target: space.target)
        }
      }
      pendingSpace = nil
      afterLineBreak = false
      isEmpty = false
      collector.append(text, style: style, target: target)
    }

    func finish() -> [InlineRun] {
      var runs = collector.finish()
      while let last = runs.last, last.text.last == "\n" {
        runs[runs.count - 1].text.removeLast()
        if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
      }
      return runs
    }
  }

  /// Pieces a book's text nodes are made of: CJK and Latin words, every kind of white space, the
  /// format characters that are kept or dropped by what stands before them, marks and quotes, and
  /// a prepended mark (U+0600) that joins the space after it into its character.
  private static let pieces = [
    "董事會", "OpenAI", "Sam", "。", "，", "“", "”", " ", "  ", "\n", "\n  ", "\t", "\u{3000}", "\u{A0}",
    "\u{200D}", "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{2060}", "e\u{301}", "\u{301}", "👩\u{200D}💻", "\u{1B}",
    "\r\n", "\u{2028}", "\u{85}", "x", "1", "、", "\u{600}", "\u{2003}", "\u{1680}", "\u{202F}", "\u{205F}",
    "\u{A0} ", "é",
  ]

  func testJoinedWordsGiveTheRunsOfWordByWord() {
    var generator = SeededGenerator(seed: 15)
    let styles: [TextStyle] = [[], [.bold], [.italic]]
    for round in 0..<3_000 {
      var joined = InlineBuilder()
      var reference = WordByWord()
      var calls: [String] = []
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        if Int.random(in: 0..<6, using: &generator) == 0 {
          joined.appendLineBreak(style: [])
          reference.appendLineBreak(style: [])
          calls.append("<br>")
          continue
        }
        let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
          Self.pieces.randomElement(using: &generator)!
        }.joined()
        let style = styles.randomElement(using: &generator)!
        let target: InlineTarget? = Int.random(in: 0..<4, using: &generator) == 0 ? .link("c2.xhtml") : nil
        joined.appendText(text, style: style, target: target)
        reference.appendText(text, style: style, target: target)
        calls.append(text)
      }
      XCTAssertEqual(joined.finish(), reference.finish(), "round \(round): \(calls.debugDescription)")
    }
  }

  func testALineOfWordsIsOneRunWithSingleSpaces() {
    var builder = InlineBuilder()
    builder.appendText("  Sam   Altman\t離開了 OpenAI，\n董事會  ", style: [])
    builder.appendText("宣布。", style: [.bold])
    XCTAssertEqual(
      builder.finish(), [InlineRun("Sam Altman 離開了 OpenAI，董事會 "), InlineRun("宣布。", style: [.bold])])
  }
}
