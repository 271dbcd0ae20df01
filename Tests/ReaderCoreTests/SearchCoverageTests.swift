import XCTest

@testable import ReaderCore

/// Search finds everything the body shows (code blocks, table cells, link text, image alt text,
/// footnotes) and highlights the cells that draw each match.
final class SearchCoverageTests: XCTestCase {
  private func chapter() throws -> Document {
    MarkdownParser().parse(try MarkdownFixtures.text("git-branching-chapter.md"), title: "git-branching.md")
  }

  /// A state of `width` columns with the outline hidden, the index built and `query` submitted.
  private func searched(_ query: String, width: Int, height: Int = 24) throws -> ReaderState {
    var state = ReaderState(document: try chapter(), size: TerminalSize(width: width, height: height))
    state = press(.character("o"), .character("/"), on: state)
    state = query.reduce(state) { Reducer.reduce($0, .key(.character($1))) }
    _ = try state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(state, .refreshSearch)
    return press(.enter, on: state)
  }

  /// The rows of the body that draw the current match, with the text of its cells: the cells
  /// drawn differently when the current match is the only one than with no search at all.
  private func currentMatch(_ state: ReaderState) -> [(row: Int, text: String)] {
    guard let search = state.search, let results = search.results, let current = search.current else {
      return []
    }
    var only = state
    only.search?.results = SearchResults(
      query: results.query, normalizedQuery: results.normalizedQuery, matches: [results.matches[current]])
    only.search?.current = 0
    let frame = FrameRenderer.render(only)
    var plain = state
    plain.search = nil
    let other = FrameRenderer.render(plain)
    return (0..<frame.height - 1).compactMap { y in
      let cells = frame.rows[y].indices.filter { frame.rows[y][$0].style != other.rows[y][$0].style }
      return cells.isEmpty ? nil : (y, cells.map { frame.rows[y][$0].text }.joined())
    }
  }

  private func currentMatchCells(_ state: ReaderState) -> [String] {
    currentMatch(state).map(\.text)
  }

  private func count(_ query: String) throws -> Int {
    let index = try SearchIndex(displayed: try chapter(), normalizer: SearchNormalizer())
    return index.results(for: query).count
  }

  func testAWordThatOnlyCodeBlocksHoldIsFoundAndHighlightedInTheCode() throws {
    var state = try searched("git-merge-demo", width: 80)
    XCTAssertEqual(state.search?.results?.count, 2)
    XCTAssertEqual(state.message, "match 1/2")
    XCTAssertEqual(currentMatchCells(state), ["git-merge-demo"])
    let row = try XCTUnwrap(currentMatch(state).first?.row)
    XCTAssertEqual(
      FrameRenderer.render(state).text(ofRow: row).trimmingWhitespace(), "┆ $ cd ~/projects/git-merge-demo")
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 2/2")
    XCTAssertEqual(currentMatchCells(state), ["git-merge-demo"])
  }

  func testTableCellsAreFoundAndTheCellIsHighlighted() throws {
    let state = try searched("切換到指定分支", width: 80)
    XCTAssertEqual(state.search?.results?.count, 1)
    XCTAssertEqual(currentMatchCells(state), ["切換到指定分支"])
    let frame = FrameRenderer.render(state)
    let row = try XCTUnwrap((0..<frame.height).first { frame.text(ofRow: $0).contains("切換到指定分支") })
    let cells = frame.rows[row]
    let highlighted = cells.indices.filter { cells[$0].style.contains(.highlight) }
    // The highlight is the second column's text, not the padding or the `│` around it.
    XCTAssertEqual(highlighted.map { cells[$0].text }.joined(), "切換到指定分支")
    XCTAssertEqual(cells[highlighted[0] - 2].text, "│")
  }

  func testMatchesInCodeAndTablesComeInReadingOrder() throws {
    var state = try searched("iss53", width: 80)
    XCTAssertEqual(state.search?.results?.count, 4, "three in code blocks, one in a table cell")
    var rows: [String] = []
    for _ in 0..<4 {
      XCTAssertEqual(currentMatchCells(state), ["iss53"], state.message ?? "")
      if let row = currentMatch(state).first?.row {
        rows.append(FrameRenderer.render(state).text(ofRow: row).trimmingWhitespace())
      }
      state = press(.character("n"), on: state)
    }
    XCTAssertEqual(state.message, "match 1/4 (wrapped to the top)")
    XCTAssertEqual(rows.count, 4)
    XCTAssertTrue(rows[0].hasSuffix("$ git checkout -b iss53"), rows[0])
    XCTAssertTrue(rows[1].contains("Switched to a new branch"), rows[1])
    XCTAssertTrue(rows[2].hasSuffix("iss53  master"), rows[2])
    XCTAssertTrue(rows[3].contains("git checkout iss53"), rows[3])
  }

  func testLinkTextImageAltTextAndFootnotesAreFound() throws {
    XCTAssertEqual(try count("Pro Git 中文版"), 1, "link text")
    XCTAssertEqual(try count("分支合併示意圖"), 1, "image alt text")
    XCTAssertEqual(try count("快進合併"), 1, "footnote definition")
    XCTAssertEqual(try count("git merge hotfix"), 1, "inline code in a table cell")
  }

  func testAMatchNeverRunsFromOneTableCellIntoTheNext() throws {
    // `git branch` and 列出所有分支 are neighbouring cells.
    XCTAssertEqual(try count("branch 列出"), 0)
    XCTAssertEqual(try count("branch列出"), 0)
  }

  /// Every match of several queries, jumped to with `n`, is drawn highlighted on exactly the
  /// cells that show it, at several widths.
  func testEveryMatchHighlightsExactlyItsOwnCells() throws {
    let queries = ["git", "分支", "iss53", "hotfix", "merge", "branch -d", "命令"]
    for width in [20, 37, 40, 60, 80, 120] {
      for query in queries {
        var state = try searched(query, width: width, height: 12)
        let total = try XCTUnwrap(state.search?.results?.count)
        XCTAssertGreaterThan(total, 0, query)
        for step in 0..<total {
          let shown = currentMatchCells(state).joined()
          XCTAssertEqual(
            shown.lowercased().replacingOccurrences(of: " ", with: ""),
            query.lowercased().replacingOccurrences(of: " ", with: ""),
            "\(query) match \(step + 1)/\(total) at width \(width)")
          state = press(.character("n"), on: state)
        }
      }
    }
  }

  /// Code wraps at any width, so a match in code is highlighted whole, across its rows, even in
  /// a body narrower than the code line.
  func testMatchesInWrappedCodeAreHighlightedAcrossTheirRows() throws {
    for width in [20, 24, 37, 41] {
      for query in ["git-merge-demo", "refs/heads", "Create new footer", "3a0874c"] {
        var state = try searched(query, width: width, height: 12)
        let total = try XCTUnwrap(state.search?.results?.count)
        XCTAssertGreaterThan(total, 0, query)
        for step in 0..<total {
          XCTAssertEqual(
            currentMatchCells(state).joined(), query, "\(query) match \(step + 1)/\(total) at width \(width)")
          state = press(.character("n"), on: state)
        }
      }
    }
  }

  /// With code lines chopped (S), a match off to the side of a code line scrolls the body
  /// sideways, and back, so that it is shown and highlighted.
  func testMatchesInChoppedCodeScrollTheBodySideways() throws {
    var state = ReaderState(document: try chapter(), size: TerminalSize(width: 30, height: 12))
    state = press(.character("o"), .character("S"), .character("/"), on: state)
    state = "refs/heads".reduce(state) { Reducer.reduce($0, .key(.character($1))) }
    _ = try state.searchIndexes.index(for: state.setting)
    state = press(.enter, on: Reducer.reduce(state, .refreshSearch))
    XCTAssertGreaterThan(state.codeLines.shift, 0, "scrolled right to the match")
    XCTAssertEqual(currentMatchCells(state), ["refs/heads"])
    state = press(.character("/"), on: state)
    state = "cd ~".reduce(state) { Reducer.reduce($0, .key(.character($1))) }
    state = press(.enter, on: Reducer.reduce(state, .refreshSearch))
    XCTAssertEqual(state.codeLines.shift, 0, "scrolled back left")
    XCTAssertEqual(currentMatchCells(state), ["cd ~"])
  }
}
