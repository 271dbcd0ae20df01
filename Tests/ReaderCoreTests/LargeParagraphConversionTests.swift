import XCTest

@testable import ReaderCore

/// A paragraph too long to convert on the key path is converted on a background thread, once;
/// meanwhile the view in the other script shows its lines as written, each converted on its
/// own, and the paragraph's own conversion takes over when it is done and measured.
final class LargeParagraphConversionTests: XCTestCase {
  /// Jobs handed to a background thread, run when the test says.
  private final class HeldJobs: @unchecked Sendable {
    private var jobs: [@Sendable () -> Void] = []
    private let lock = Lock()

    func start(_ job: @escaping @Sendable () -> Void) { lock.withLock { jobs.append(job) } }

    var count: Int { lock.withLock { jobs.count } }

    /// Runs the jobs held so far (and those they start), on this thread.
    func runAll() {
      while let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) { job() }
    }
  }

  /// One paragraph of the Simplified newsletter's prose, repeated past `bytes`.
  private static func simplifiedParagraph(atLeast bytes: Int) -> [InlineRun] {
    let prose = FixtureDocuments.simplifiedNewsletter.blocks.compactMap { block -> String? in
      if case .paragraph(let runs) = block.kind { return runs.plainText }
      return nil
    }.joined()
    XCTAssertGreaterThan(prose.utf8.count, 1_000, "the newsletter fixture is there")
    var text = ""
    while text.utf8.count < bytes { text += prose }
    return [InlineRun(text)]
  }

  private static func document(_ runs: [InlineRun]) -> Document {
    Document(
      title: "long.md",
      blocks: [
        Block(id: 0, kind: .heading(level: 1, runs: [InlineRun("长段落")])),
        Block(id: 1, kind: .paragraph(runs)),
        Block(id: 2, kind: .paragraph([InlineRun("这是最后一段。")])),
      ])
  }

  private let traditional = ConversionCache.Setting(script: .traditional)

  func testALargeBlockIsConvertedOnceInTheBackgroundAndSharedWithGrownCopies() throws {
    let document = Self.document(Self.simplifiedParagraph(atLeast: 4_000))
    let jobs = HeldJobs()
    let conversions = ConversionCache(
      document: document, converter: .shared, largeBlockBytes: 2_000, startConversion: jobs.start)
    XCTAssertFalse(conversions.convertsInBackground(0))
    XCTAssertTrue(conversions.convertsInBackground(1))
    XCTAssertEqual(conversions.readyBlock(0, traditional)?.kind, .heading(level: 1, runs: [InlineRun("長段落")]))
    XCTAssertEqual(jobs.count, 0, "a short block is converted at once")
    XCTAssertNil(conversions.readyBlock(1, traditional))
    XCTAssertNil(conversions.readyBlock(1, traditional))
    XCTAssertEqual(jobs.count, 1, "one conversion, however often it is asked for")
    XCTAssertEqual(conversions.readyBlock(1, .original), document.blocks[1], "nothing to convert as written")

    jobs.runAll()
    let expected = try ScriptConverter.shared.convert(document.blocks[1], to: .traditional)
    XCTAssertEqual(conversions.readyBlock(1, traditional), expected)
    XCTAssertEqual(conversions.block(1, traditional), expected)
    XCTAssertTrue(expected.runs.plainText.contains("這"), "the paragraph is Traditional")
    let grown = conversions.grown(to: Self.document(Self.simplifiedParagraph(atLeast: 4_000)))
    XCTAssertEqual(grown.readyBlock(1, traditional), expected)
    XCTAssertEqual(jobs.count, 0, "the grown copy keeps the conversion")
  }

  func testABackgroundPassWaitsForTheConversionUnderWay() throws {
    let document = Self.document(Self.simplifiedParagraph(atLeast: 4_000))
    let jobs = HeldJobs()
    let conversions = ConversionCache(
      document: document, converter: .shared, largeBlockBytes: 2_000, startConversion: jobs.start)
    XCTAssertNil(conversions.readyBlock(1, traditional))
    let answered = expectation(description: "the search's pass gets the block")
    let setting = traditional
    final class Box: @unchecked Sendable { var block: Block? }
    let box = Box()
    BackgroundThread.start {
      box.block = conversions.block(1, setting)
      answered.fulfill()
    }
    jobs.runAll()
    wait(for: [answered], timeout: 60)
    XCTAssertEqual(box.block, conversions.readyBlock(1, traditional))
  }

  func testALongParagraphIsShownLineByLineConvertedUntilItsOwnConversionIsMeasured() throws {
    let document = Self.document(Self.simplifiedParagraph(atLeast: 6_000))
    let conversionJobs = HeldJobs()
    let measureJobs = HeldJobs()
    let conversions = ConversionCache(
      document: document, converter: .shared, largeBlockBytes: 2_000, startConversion: conversionJobs.start)
    let written = DocumentLayout(document: document, width: 37, blocks: nil, longParagraph: 1)
    let setting = traditional
    let layout = DocumentLayout(
      document: document, width: 37, blocks: { conversions.block($0, setting) }, longParagraph: 1,
      converting: .init(conversions: conversions, setting: traditional, original: written),
      startBackground: measureJobs.start)

    let shown = layout.lines(ofBlock: 1)
    XCTAssertTrue(layout.isProvisional(1))
    XCTAssertEqual(conversions.readyBlock(1, traditional), nil, "not converted on this thread")
    let asWritten = written.lines(ofBlock: 1)
    XCTAssertEqual(shown.count, asWritten.count)
    for (line, original) in zip(shown, asWritten) {
      XCTAssertEqual(line.key, original.key)
      XCTAssertEqual(line.width, original.width, "converted in place: \(line.text)")
      XCTAssertEqual(
        line.text, try ScriptConverter.shared.convert(original.text, to: .traditional), "line by line")
    }
    XCTAssertTrue(shown.map(\.text).joined().contains("這"))
    XCTAssertFalse(shown.map(\.text).joined().contains("这"))
    XCTAssertEqual(layout.block(1), document.blocks[1], "a link is looked for in the text as written")

    conversionJobs.runAll()
    XCTAssertTrue(layout.isProvisional(1), "the conversion's lines are not measured yet")
    XCTAssertEqual(measureJobs.count, 1)
    measureJobs.runAll()
    XCTAssertFalse(layout.isProvisional(1))
    let converted = try XCTUnwrap(conversions.readyBlock(1, traditional))
    let own = DocumentLayout(
      document: Document(title: "long.md", blocks: [document.blocks[0], converted, document.blocks[2]]),
      width: 37,
      blocks: nil, longParagraph: .max)
    XCTAssertEqual(layout.lines(ofBlock: 1), own.lines(ofBlock: 1))
    XCTAssertEqual(layout.block(1), converted)
  }

  func testAVeryLongParagraphIsMeasuredToItsEndOffTheKeyPath() {
    let document = Self.document(LongParagraphTests.mixedRuns(count: 3_000, seed: 3))
    let jobs = HeldJobs()
    let layout = DocumentLayout(
      document: document, width: 40, blocks: nil, longParagraph: 1, backgroundMeasure: 1_000,
      startBackground: jobs.start)
    _ = layout.lines(from: .top, count: 10)
    let paragraph = try? XCTUnwrap(layout.paragraphLines(ofBlock: 1))
    XCTAssertEqual(jobs.count, 1)
    XCTAssertEqual(paragraph?.isMeasured, false)
    jobs.runAll()
    XCTAssertEqual(paragraph?.isMeasured, true, "measured with no key asking")
    let whole = DocumentLayout(document: document, width: 40, blocks: nil, longParagraph: .max)
    XCTAssertEqual(layout.lastAnchor(height: 12), whole.lastAnchor(height: 12))
    XCTAssertEqual(layout.lines(ofBlock: 1), whole.lines(ofBlock: 1))
  }

  func testTOnALargeParagraphAnswersFromItsLinesAsWritten() throws {
    let document = Self.document(Self.simplifiedParagraph(atLeast: ConversionCache.largeBlockBytes))
    var state = ReaderState(document: document, size: TerminalSize(width: 100, height: 30))
    let jobs = HeldJobs()
    state.conversions = ConversionCache(
      document: document, converter: .shared, largeBlockBytes: ConversionCache.largeBlockBytes,
      startConversion: jobs.start)
    state.factions = FactionIndex(conversions: state.conversions)
    state.layouts = LayoutCache(conversions: state.conversions)
    state.searchIndexes = SearchIndexCache(
      conversions: state.conversions, library: ScriptConverter.shared.library)
    state = press(.tab, .pageDown, .pageDown, on: state)
    let before = state.anchor
    state = press(.character("t"), on: state)
    XCTAssertEqual(state.setting.script, .traditional)
    XCTAssertEqual(state.anchor, before, "the same line at the top")
    XCTAssertEqual(jobs.count, 1, "the paragraph is left to the background")
    let body = state.bodyLayout.lines(from: state.anchor, count: 25).map(\.text).joined()
    XCTAssertTrue(body.contains("這") || body.contains("們"), body)
    XCTAssertFalse(body.contains("这") || body.contains("们"), body)

    jobs.runAll()
    let deadline = Date().addingTimeInterval(60)
    while state.bodyLayout.isProvisional(1) && Date() < deadline { usleep(10_000) }
    XCTAssertFalse(state.bodyLayout.isProvisional(1), "the paragraph's own conversion takes over")
    let after = state.bodyLayout.lines(from: state.anchor, count: 25).map(\.text).joined()
    XCTAssertFalse(after.contains("这") || after.contains("们"), after)
  }

  func testEveryVeryLongParagraphIsMeasuredBeforeAnyKeyReachesIt() {
    let runs = LongParagraphTests.mixedRuns(count: 3_000, seed: 4)
    var blocks = Array(Self.document(runs).blocks)
    blocks.append(Block(id: 3, kind: .heading(level: 2, runs: [InlineRun("第二節")])))
    blocks.append(Block(id: 4, kind: .paragraph(runs)))
    let document = Document(title: "two.md", blocks: blocks)
    let jobs = HeldJobs()
    let layout = DocumentLayout(
      document: document, width: 40, blocks: nil, longParagraph: 1, backgroundMeasure: 1_000,
      startBackground: jobs.start)
    layout.measureLongParagraphsInBackground()
    XCTAssertEqual(jobs.count, 1)
    jobs.runAll()
    XCTAssertEqual(layout.paragraphLines(ofBlock: 1)?.isMeasured, true)
    XCTAssertEqual(layout.paragraphLines(ofBlock: 4)?.isMeasured, true, "the one below the screen too")
    XCTAssertEqual(layout.longParagraphsWalked, document.blocks.count)
    let whole = DocumentLayout(document: document, width: 40, blocks: nil, longParagraph: .max)
    XCTAssertEqual(
      layout.move(Anchor(block: 3, line: 0), by: -1), whole.move(Anchor(block: 3, line: 0), by: -1))
  }

  func testADocumentWithoutAVeryLongParagraphStartsNoThreadToLookForOne() {
    let short = (0..<50).map { Block(id: $0, kind: .paragraph([InlineRun("第\($0)段：董事會在週末開會。")])) }
    let jobs = HeldJobs()
    let layout = DocumentLayout(
      document: Document(title: "short.md", blocks: short), width: 40, blocks: nil, longParagraph: 1,
      backgroundMeasure: 1_000, startBackground: jobs.start)
    layout.measureLongParagraphsInBackground()
    XCTAssertEqual(jobs.count, 0, "no thread before the first screen")
    XCTAssertEqual(layout.longParagraphsWalked, short.count, "a grown layout goes on after these")
    // One long paragraph past the blocks looked at first is still found, by the thread.
    let runs = LongParagraphTests.mixedRuns(count: 3_000, seed: 5)
    var blocks = (0..<(DocumentLayout.blocksLookedAtFirst + 10)).map {
      Block(id: $0, kind: .paragraph([InlineRun("短段落\($0)")]))
    }
    blocks.append(Block(id: blocks.count, kind: .paragraph(runs)))
    let late = DocumentLayout(
      document: Document(title: "late.md", blocks: blocks), width: 40, blocks: nil, longParagraph: 1,
      backgroundMeasure: 1_000, startBackground: jobs.start)
    late.measureLongParagraphsInBackground()
    XCTAssertEqual(jobs.count, 1)
    jobs.runAll()
    XCTAssertEqual(late.paragraphLines(ofBlock: blocks.count - 1)?.isMeasured, true)
    XCTAssertEqual(late.longParagraphsWalked, blocks.count)
  }

  func testLinesAskedForWhileABackgroundThreadMeasuresAreTheWholeLayouts() {
    let document = Self.document(LongParagraphTests.mixedRuns(count: 6_000, seed: 8))
    let whole = DocumentLayout(document: document, width: 33, blocks: nil, longParagraph: .max)
    let expected = whole.lines(ofBlock: 1)
    let last = whole.lastAnchor(height: 9)
    for round in 0..<4 {
      let layout = DocumentLayout(
        document: document, width: 33, blocks: nil, longParagraph: 1, backgroundMeasure: 1)
      // The background measure runs for real, beside the lines asked for here.
      var index = (round * 7_919) % expected.count
      for _ in 0..<60 {
        XCTAssertEqual(layout.line(index, ofBlock: 1), expected[index], "round \(round), line \(index)")
        index = (index + 1_237) % expected.count
      }
      XCTAssertEqual(layout.lastAnchor(height: 9), last)
      XCTAssertEqual(layout.lines(ofBlock: 1), expected)
    }
  }

  /// A reader on a document with a long paragraph whose background measures wait in `jobs`.
  private func readerWithHeldMeasures() -> (document: Document, state: ReaderState, jobs: HeldJobs) {
    let document = Self.document(LongParagraphTests.mixedRuns(count: 40_000, seed: 6))
    var state = ReaderState(document: document, size: TerminalSize(width: 80, height: 20))
    let jobs = HeldJobs()
    state.layouts = LayoutCache(
      conversions: state.conversions, backgroundMeasure: 1_000, startBackground: jobs.start)
    return (document, state, jobs)
  }

  func testGBeforeALongParagraphIsMeasuredWaitsForTheMeasureInsteadOfMakingIt() {
    var (document, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    XCTAssertEqual(state.focus, .body)
    let paragraph = state.bodyLayout.paragraphLines(ofBlock: 1)
    XCTAssertGreaterThan(paragraph?.textLength ?? 0, ParagraphLines.threshold, "laid out near what is shown")
    state = press(.character("G"), on: state)
    XCTAssertEqual(state.anchor, .top, "the body stays while the end is not known")
    XCTAssertEqual(state.statusMessage, .measuringToEnd)
    XCTAssertTrue(state.waitsForEnd)
    XCTAssertEqual(paragraph?.isMeasured, false, "G measured nothing itself")
    state = Reducer.reduce(state, .measured)
    XCTAssertEqual(state.anchor, .top)
    XCTAssertTrue(state.waitsForEnd)

    jobs.runAll()
    state = Reducer.reduce(state, .measured)
    let whole = DocumentLayout(
      document: document, width: state.bodyLayout.width, blocks: nil, longParagraph: .max)
    XCTAssertEqual(state.anchor, whole.lastAnchor(height: state.geometry.body.height))
    XCTAssertFalse(state.waitsForEnd)
    XCTAssertNil(state.statusMessage)
    XCTAssertEqual(
      press(.character("g"), .character("G"), on: state).anchor, state.anchor, "known now: at once")
  }

  func testAKeyPressedWhileGWaitsCancelsIt() {
    var (_, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, .character("G"), .character("j"), on: state)
    XCTAssertFalse(state.waitsForEnd)
    jobs.runAll()
    state = Reducer.reduce(state, .measured)
    XCTAssertEqual(state.anchor, Anchor(block: 0, line: 1), "j moved a line; the end was given up")
  }

  func testAMoveBackIntoALongParagraphThatIsStillMeasuredIsRefusedUntilTheMeasureIsDone() {
    var (document, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    state.anchor = Anchor(block: 2, line: 0)
    let (_, refused) = LongMeasureRefusal.refusing { press(.character("k"), on: state) }
    XCTAssertTrue(refused, "the line above is the paragraph's last, not measured yet")
    XCTAssertEqual(state.bodyLayout.paragraphLines(ofBlock: 1)?.isMeasured, false, "k measured nothing")
    let (_, refusedTop) = LongMeasureRefusal.refusing { press(.character("g"), on: state) }
    XCTAssertFalse(refusedTop, "the top needs nothing of it")

    jobs.runAll()
    let (after, refusedAfter) = LongMeasureRefusal.refusing { press(.character("k"), on: state) }
    XCTAssertFalse(refusedAfter)
    // The same key on a reader that measures on the key path, as before.
    var measuring = press(
      .tab, on: ReaderState(document: document, size: TerminalSize(width: 80, height: 20)))
    measuring.anchor = Anchor(block: 2, line: 0)
    XCTAssertEqual(after.anchor, press(.character("k"), on: measuring).anchor)
    XCTAssertLessThan(after.anchor, Anchor(block: 2, line: 0))
  }

  /// The text of the body's rows as the frame draws them, trailing blanks left out.
  private func bodyRows(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    let body = state.geometry.body
    return (body.y..<body.y + body.height).map { row in
      frame.rows[row][body.x..<body.x + body.width].map(\.text).joined().trimmingWhitespace()
    }
  }

  func testAResizeDeepInALongParagraphHoldsTheOldWidthUntilTheMeasureGetsThere() {
    var (document, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    let deep = state.bodyLayout.move(Anchor(block: 1, line: 0), by: 1_500)
    XCTAssertEqual(deep.block, 1, "the place is inside the long paragraph")
    state.anchor = deep
    let wide = state.bodyLayout
    let topText = wide.lines(from: deep, count: 1)[0].text
    let narrower = TerminalSize(width: 64, height: 20)

    state = Reducer.reduce(state, .resize(narrower))
    XCTAssertTrue(state.holdsWidth)
    XCTAssertTrue(state.bodyLayout === wide, "the body keeps the lines it had")
    XCTAssertEqual(state.anchor, deep)
    XCTAssertEqual(state.statusMessage, .layingOutAtNewWidth)
    let target = state.layouts.layout(width: state.geometry.body.width)
    XCTAssertLessThan(target.width, wide.width)
    XCTAssertLessThanOrEqual(
      target.paragraphLines(ofBlock: 1)?.linesReached ?? .max, ParagraphLines.segmentLength,
      "the resize measured nothing of the paragraph at the new width")
    let rows = bodyRows(state)
    XCTAssertTrue(
      topText.hasPrefix(rows[0]) && rows[0].count >= 10, "the top row is the old top line, cut: \(rows[0])")
    XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= state.geometry.body.width })
    state = Reducer.reduce(state, .measured)
    XCTAssertTrue(state.holdsWidth, "not measured there yet")

    jobs.runAll()
    state = Reducer.reduce(state, .measured)
    XCTAssertFalse(state.holdsWidth)
    XCTAssertNil(state.statusMessage)
    XCTAssertTrue(state.bodyLayout === target)
    // Where a reader that measures on the key path lands, the same text at the top.
    var measuring = press(
      .tab, on: ReaderState(document: document, size: TerminalSize(width: 80, height: 20)))
    measuring.anchor = deep
    measuring = Reducer.reduce(measuring, .resize(narrower))
    XCTAssertFalse(measuring.holdsWidth)
    XCTAssertEqual(state.anchor, measuring.anchor)
    XCTAssertEqual(bodyRows(state), bodyRows(measuring))
    XCTAssertEqual(
      Reducer.reduce(state, .resize(TerminalSize(width: 80, height: 20))).anchor, deep, "and back")
  }

  func testHidingTheOutlineDeepInALongParagraphAnswersAtOnceAndKeysGoOnAtTheHeldWidth() {
    var (_, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    state.anchor = state.bodyLayout.move(Anchor(block: 1, line: 0), by: 1_500)
    let narrow = state.bodyLayout
    let (hidden, refused) = LongMeasureRefusal.refusing { press(.character("o"), on: state) }
    XCTAssertFalse(refused, "the key waits for nothing")
    XCTAssertNil(hidden.geometry.outline)
    XCTAssertTrue(hidden.holdsWidth)
    XCTAssertTrue(hidden.bodyLayout === narrow)
    let moved = press(.character("j"), .character("j"), on: hidden)
    XCTAssertEqual(moved.anchor, narrow.move(state.anchor, by: 2), "j moves through the lines shown")
    XCTAssertTrue(moved.holdsWidth)

    jobs.runAll()
    let settled = Reducer.reduce(moved, .measured)
    XCTAssertFalse(settled.holdsWidth)
    XCTAssertEqual(settled.bodyLayout.width, settled.geometry.body.width)
    let key = narrow.key(at: moved.anchor)!
    XCTAssertEqual(
      settled.anchor, settled.bodyLayout.anchor(block: 1, key: key), "the line moved to, at the new width")
  }

  func testAReloadDeepInAnUnchangedLongParagraphKeepsItsMeasuredLines() {
    var (_, state, _) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    let deep = state.bodyLayout.move(Anchor(block: 1, line: 0), by: 1_500)
    state.anchor = deep
    let measured = state.bodyLayout.paragraphLines(ofBlock: 1)
    let reached = measured?.linesReached ?? 0
    XCTAssertGreaterThan(reached, 1_500)

    // The file read again: the same text, in new strings.
    let again = Self.document(LongParagraphTests.mixedRuns(count: 40_000, seed: 6))
    let reloaded = Reducer.reduce(state, .reloaded(again, loading: nil))
    XCTAssertEqual(reloaded.anchor, deep)
    XCTAssertTrue(reloaded.bodyLayout.paragraphLines(ofBlock: 1) === measured, "its lines, as measured")
    XCTAssertEqual(reloaded.statusMessage, .reloaded)

    // A paragraph that changed is measured anew: where a fresh reader lands on the same text.
    var changedRuns = LongParagraphTests.mixedRuns(count: 40_000, seed: 6)
    changedRuns[0].text = "改了" + changedRuns[0].text
    let changed = Self.document(changedRuns)
    let afterChange = Reducer.reduce(state, .reloaded(changed, loading: nil))
    XCTAssertFalse(afterChange.bodyLayout.paragraphLines(ofBlock: 1) === measured)
    let key = state.bodyLayout.key(at: deep)!
    var fresh = press(.tab, on: ReaderState(document: changed, size: TerminalSize(width: 80, height: 20)))
    fresh.anchor = fresh.bodyLayout.anchor(block: 1, key: key)
    XCTAssertEqual(afterChange.anchor, fresh.anchor)
  }

  func testAReloadDeepInALongParagraphThatChangedIsLaidOutOffScreenUntilThePlaceIsMeasured() {
    var (_, state, jobs) = readerWithHeldMeasures()
    state = press(.tab, on: state)
    let deep = state.bodyLayout.move(Anchor(block: 1, line: 0), by: 1_500)
    state.anchor = deep
    let key = state.bodyLayout.key(at: deep)!
    var changedRuns = LongParagraphTests.mixedRuns(count: 40_000, seed: 6)
    changedRuns[0].text = "改了" + changedRuns[0].text
    let changed = Self.document(changedRuns)

    let preparation = ReloadPreparation(of: changed, for: state)
    XCTAssertFalse(
      preparation.findsPlace(of: state), "the changed paragraph is not measured to the place yet")
    jobs.runAll()
    XCTAssertTrue(preparation.findsPlace(of: state))
    let reloaded = Reducer.reduce(state, .reloaded(changed, loading: nil, prepared: preparation))
    let measured = preparation.layouts.layout(width: reloaded.bodyLayout.width).paragraphLines(ofBlock: 1)
    XCTAssertTrue(
      reloaded.bodyLayout.paragraphLines(ofBlock: 1) === measured, "the lines measured off screen")
    var fresh = press(.tab, on: ReaderState(document: changed, size: TerminalSize(width: 80, height: 20)))
    fresh.anchor = fresh.bodyLayout.anchor(block: 1, key: key)
    XCTAssertEqual(reloaded.anchor, fresh.anchor)
    XCTAssertEqual(reloaded.statusMessage, .reloaded)
  }
}
