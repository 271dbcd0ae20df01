import XCTest

@testable import ReaderCore

/// Hard-wrapped plain text becomes paragraphs the reader wraps to its pane.
final class ReflowTests: XCTestCase {
  private func paragraphs(_ document: Document) -> [String] {
    document.blocks.compactMap { block in
      if case .paragraph(let runs) = block.kind { return runs.plainText }
      return nil
    }
  }

  func testTheNovelsWrappedLinesJoinIntoItsParagraphs() {
    let document = PlainTextParser().parse(NovelFixtures.hongloumeng, title: "紅樓夢.txt")
    let found = paragraphs(document)
    XCTAssertEqual(found.count, 8, "3 + 2 + 1 + 2 paragraphs in the four chapters")
    XCTAssertEqual(
      found[1], "　　看官，你道此書從何而來？說起根由雖近荒唐，細按則深有趣味。待在下將此來歷註明，方使閱者了然不惑。")
    for paragraph in found {
      XCTAssertFalse(paragraph.contains("\n"), paragraph)
      XCTAssertTrue(paragraph.hasPrefix("　　"), "the indent stays at the start: \(paragraph)")
      XCTAssertFalse(paragraph.dropFirst(2).contains("\u{3000}"), "never in the middle: \(paragraph)")
    }
  }

  func testReflowedNovelWrapsToThePaneWithoutCombRows() {
    let document = PlainTextParser().parse(NovelFixtures.hongloumeng, title: "紅樓夢.txt")
    var printed = ""
    DocumentPrinter.print(document, width: 50) { printed += $0 }
    let rows = printed.split(separator: "\n").map(String.init)
    XCTAssertTrue(rows.contains("　　此開卷第一回也。作者自云：因曾歷過一番夢幻之"), printed)
    // At 50 columns the original 60-column lines would leave a short row after each one.
    let shortRows = rows.filter { DisplayWidth.of($0) < 30 && !$0.hasPrefix("第") }
    XCTAssertLessThanOrEqual(shortRows.count, 9, "only paragraph ends are short: \(shortRows)")
  }

  func testLatinWordsKeepOneSpaceAndBlankLinesSeparateParagraphs() {
    let text = """
      It was the best of times, it was the worst of times, it was the age of
      wisdom, it was the age of foolishness, it was the epoch of belief, it
      was the epoch of incredulity, it was the season of Light, it was the
      season of Darkness.

      There were a king with a large jaw and a queen with a plain face, on
      the throne of England; there were a king with a large jaw and a queen
      with a fair face, on the throne of France.
      """
    let found = paragraphs(PlainTextParser().parse(text, title: "two-cities.txt"))
    XCTAssertEqual(found.count, 2)
    XCTAssertTrue(
      found[0].hasPrefix("It was the best of times, it was the worst of times, it was the age of wisdom, it"))
    XCTAssertTrue(found[0].hasSuffix("the season of Darkness."))
    XCTAssertFalse(found.joined().contains("  "))
  }

  func testTextThatIsNotHardWrappedKeepsItsLines() {
    let poem = "床前明月光，\n疑是地上霜。\n舉頭望明月，\n低頭思故鄉。\n床前明月光，\n疑是地上霜。\n"
    XCTAssertEqual(paragraphs(PlainTextParser().parse(poem, title: "poem.txt")), [String(poem.dropLast())])
    let diary = PlainTextParser().parse(NovelFixtures.diary, title: "diary.txt")
    XCTAssertTrue(paragraphs(diary).contains("第一次見到她，是在車站。\n那天下著小雨，她撐著一把藍色的傘，站在月台的盡頭。"))
  }

  func testReflowOffKeepsTheLines() {
    let document = PlainTextParser(reflow: false).parse(NovelFixtures.hongloumeng, title: "紅樓夢.txt")
    XCTAssertTrue(paragraphs(document).contains { $0.contains("之後，故將真事\n隱去") })
    XCTAssertEqual(document.outline.count, 6, "chapters are found either way")
  }

  /// The article's paragraphs (Sam Altman, OpenAI, ChatGPT, 95% among the Chinese), as a novel
  /// of indented paragraphs that `cut` wraps.
  private static func novel(cut: (String) -> [String]) -> (text: String, paragraphs: [String]) {
    let paragraphs = Fixtures.article.blocks.compactMap { block -> String? in
      guard case .paragraph(let runs) = block.kind, !runs.plainText.contains("\n") else { return nil }
      return runs.plainText.unicodeScalars.count > 80 ? "\u{3000}\u{3000}" + runs.plainText : nil
    }
    return (paragraphs.map { cut($0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n", paragraphs)
  }

  /// Cuts after every `count` characters, as most tools that wrap Chinese novels do.
  private static func everyCharacters(_ count: Int) -> (String) -> [String] {
    { text in
      let scalars = Array(text.unicodeScalars)
      return stride(from: 0, to: scalars.count, by: count).map { start in
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[start..<min(scalars.count, start + count)])
        return String(line)
      }
    }
  }

  /// Cuts before a character that would pass `columns`, as a wrap by GBK bytes does.
  private static func atColumns(_ columns: Int) -> (String) -> [String] {
    { text in
      var lines: [String] = []
      var line = ""
      for scalar in text.unicodeScalars {
        if DisplayWidth.of(line + String(scalar), ambiguous: .narrow) > columns {
          lines.append(line)
          line = ""
        }
        line.unicodeScalars.append(scalar)
      }
      return lines + [line]
    }
  }

  /// A Chinese text cut by counting never had a space at its cuts: `Sam Altm` / `an` is one
  /// word, a line full of Latin letters (fewer columns) does not end its paragraph, and a space
  /// the cut left at a line's edge is kept. Each paragraph reads as it did before the cut.
  func testAChineseTextCutByCountingReadsAsWrittenBeforeTheCut() {
    for (name, cut) in [
      ("every 36 characters", Self.everyCharacters(36)), ("every 30 characters", Self.everyCharacters(30)),
      ("at 76 columns", Self.atColumns(76)), ("at 60 columns", Self.atColumns(60)),
    ] {
      let (text, written) = Self.novel(cut: cut)
      let lines = text.split(separator: "\n").map(String.init)
      let isLatin = { (scalar: Unicode.Scalar) in scalar.isASCII && scalar.properties.isAlphabetic }
      let cutsInWords = zip(lines, lines.dropFirst()).filter { before, after in
        isLatin(before.unicodeScalars.last!) && isLatin(after.unicodeScalars.first!)
      }
      XCTAssertGreaterThan(cutsInWords.count, 3, "\(name): the text has words cut in two")
      XCTAssertTrue(lines.contains { $0.hasPrefix(" ") || $0.hasSuffix(" ") }, "\(name): a space at a cut")
      let found = paragraphs(PlainTextParser().parse(text, title: "novel.txt"))
      XCTAssertEqual(found.count, written.count, name)
      for (paragraph, expected) in zip(found, written) where paragraph != expected {
        XCTFail("\(name):\n\(paragraph)\ninstead of\n\(expected)")
        break
      }
      let whole = Array(PlainTextParser().parse(text, title: "t").blocks)
      let cutAt = text.utf8.count / 2
      let feed = Array(text.utf8)[cutAt...].firstIndex(of: 0x0A)! + 1
      XCTAssertEqual(
        ChunkedPlainTextParserTests.chunkedBlocks(text, cut: feed).blocks, whole, "\(name): read in chunks")
    }
  }
}
