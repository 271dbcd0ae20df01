import XCTest

@testable import ReaderCore

/// The interface in English, Traditional and Simplified Chinese: every message, label and key
/// description is written in all three, each Chinese in its own script, and the locale chooses.
final class InterfaceLanguageTests: XCTestCase {
  /// One of each message; `kind` below is an exhaustive switch, so a new case does not compile
  /// here until it has a sample, and the test checks every kind has one.
  private let samples: [Message] = [
    .reloading, .reloaded, .cannotReload(.standardInput), .cannotReload(.bundledArticle),
    .cannotReload(.missing),
    .cannotReload(.unreadable("permission denied")), .unboundKey("x"), .unknownColonCommand("x"), .count(12),
    .colonPrompt, .noNextDocument(place: "2/2"), .noPreviousDocument(place: nil), .vocabularyOnInOriginal,
    .vocabularyOffInOriginal, .vocabularyLocalised, .vocabularyAsWritten, .codeLinesChopped,
    .codeLinesWrapped,
    .codeLinesWrapHint, .noCodeLineToTheRight, .noHeadingBelow, .noHeadingAbove, .noLinkBelow, .noLinkAbove,
    .footnoteWithoutNote(label: "1"), .noHeadingHere(fragment: "intro"),
    .noHeading(fragment: "intro", document: "guide.md"), .stillLoadingLink, .opening(path: "guide.md"),
    .linkLeadsNowhere, .notAFileToOpen, .backspaceGoesBack, .nothingToGoBackTo, .noLinkSelected,
    .footnoteHasNoAddress, .copiedToClipboard, .findingFactions, .noFactions,
    .faction(index: 1, count: 2, name: "Altman"), .countingMentions(name: "Altman"),
    .noMentions(name: "Altman"),
    .mention(name: "Altman", index: 1, count: 3), .match(index: 1, count: 4, wrapped: nil),
    .match(index: 4, count: 4, wrapped: .toBottom), .matchCounting(wrapped: .toTop),
    .noMatch(SearchPattern("Altman")),
    .match(index: 2_001, count: 1_000_000, capped: true, wrapped: nil),
    .noMatch(SearchPattern("第[0-9]+章", isRegex: true)), .noSearchToRepeat, .noEarlierSearch, .noLaterSearch,
    .patternTooLong(limit: 256), .invalidRegex(reason: "expected ')'"), .highlightsCleared,
    .nothingHighlighted,
    .noSearchYet, .searching, .missingFile, .forgot(title: "Sanguo"), .verbatim("GB18030"),
    .noAnchorInChapter(fragment: "sec3"), .chapterNotYetRead(path: "OEBPS/ch9.xhtml"),
    .chapterEmpty(path: "OEBPS/ch9.xhtml"), .notAChapter(path: "OEBPS/map.png"),
    .replaced(invalidBytes: 3, nulCharacters: 1), .replaced(invalidBytes: 1, nulCharacters: 0),
    .bookDamage(unreadableChapters: 2, stoppedAt: "OEBPS/x.xhtml"),
    .bookDamage(unreadableChapters: 0, stoppedAt: "a"),
    .fallbackDictionaries(folder: "/usr/share/opencc"), .conversionFailed(.invalidConfigName("x y")),
    .cannotOpen(path: "b.md", reason: "No such file or directory"), .looksBinary(path: "a.bin"),
    .markPrompt, .markJumpPrompt, .markSet(letter: "a", percent: 42, section: "第三章"),
    .atMark(letter: "a", percent: 42, section: nil), .markNotSet(letter: "q"), .notAMarkName(key: "1"),
    .notAMarkToGoTo(key: "Down"), .noJumpYet, .backTo(percent: 3, section: "第一章"), .percentWithoutCount,
    .wentTo(percent: 50, section: "第二章"), .noHeadings, .heading(index: 3, count: 9, title: "第三章"),
    .resumed(percent: 42, section: "第三章", then: .verbatim("GB18030")),
    .foldPrompt, .outlineLevels(2), .outlineAllLevels, .notAFoldKey(key: "x"), .nothingToFold,
    .folded(title: "第三章"), .unfolded(title: "第三章"), .outlineShare(35), .measuringToEnd,
    .layingOutAtNewWidth, .returningToPlace,
  ]

  private func kind(_ message: Message) -> Int {
    switch message {
    case .reloading: return 0
    case .reloaded: return 1
    case .cannotReload: return 2
    case .unboundKey: return 3
    case .unknownColonCommand: return 4
    case .count: return 5
    case .colonPrompt: return 6
    case .noNextDocument: return 7
    case .noPreviousDocument: return 8
    case .vocabularyOnInOriginal: return 9
    case .vocabularyOffInOriginal: return 10
    case .vocabularyLocalised: return 11
    case .vocabularyAsWritten: return 12
    case .codeLinesChopped: return 13
    case .codeLinesWrapped: return 14
    case .codeLinesWrapHint: return 15
    case .noCodeLineToTheRight: return 16
    case .noHeadingBelow: return 17
    case .noHeadingAbove: return 18
    case .noLinkBelow: return 19
    case .noLinkAbove: return 20
    case .footnoteWithoutNote: return 21
    case .noHeadingHere: return 22
    case .noHeading: return 23
    case .stillLoadingLink: return 24
    case .opening: return 25
    case .linkLeadsNowhere: return 26
    case .notAFileToOpen: return 27
    case .backspaceGoesBack: return 28
    case .nothingToGoBackTo: return 29
    case .noLinkSelected: return 30
    case .footnoteHasNoAddress: return 31
    case .copiedToClipboard: return 32
    case .findingFactions: return 33
    case .noFactions: return 34
    case .faction: return 35
    case .countingMentions: return 36
    case .noMentions: return 37
    case .mention: return 38
    case .match: return 39
    case .matchCounting: return 40
    case .noMatch: return 41
    case .noSearchYet: return 42
    case .searching: return 43
    case .missingFile: return 44
    case .forgot: return 45
    case .verbatim: return 46
    case .noAnchorInChapter: return 47
    case .chapterNotYetRead: return 48
    case .chapterEmpty: return 49
    case .notAChapter: return 50
    case .replaced: return 51
    case .bookDamage: return 52
    case .fallbackDictionaries: return 53
    case .conversionFailed: return 54
    case .cannotOpen: return 55
    case .looksBinary: return 56
    case .noSearchToRepeat: return 57
    case .noEarlierSearch: return 58
    case .noLaterSearch: return 59
    case .patternTooLong: return 60
    case .invalidRegex: return 61
    case .highlightsCleared: return 62
    case .nothingHighlighted: return 63
    case .markPrompt: return 64
    case .markJumpPrompt: return 65
    case .markSet: return 66
    case .atMark: return 67
    case .markNotSet: return 68
    case .notAMarkName: return 69
    case .notAMarkToGoTo: return 70
    case .noJumpYet: return 71
    case .backTo: return 72
    case .percentWithoutCount: return 73
    case .wentTo: return 74
    case .noHeadings: return 75
    case .heading: return 76
    case .resumed: return 77
    case .foldPrompt: return 78
    case .outlineLevels: return 79
    case .outlineAllLevels: return 80
    case .notAFoldKey: return 81
    case .nothingToFold: return 82
    case .folded: return 83
    case .unfolded: return 84
    case .outlineShare: return 85
    case .measuringToEnd: return 86
    case .layingOutAtNewWidth: return 87
    case .returningToPlace: return 88
    }
  }

  private static let kinds = 89

  /// Whether `text` holds a Han character (a real Chinese rendering, not English left in).
  private func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Traditional text is left as it is by s2tw and Simplified by tw2s: each is written in its own
  /// script. The names 繁體 and 简体 are written as they name themselves, so they are left out.
  private func assertScripts(_ localized: (traditional: String, simplified: String), _ what: String) throws {
    let toTraditional = try OpenCCLibrary.shared.converter(named: "s2tw")
    let toSimplified = try OpenCCLibrary.shared.converter(named: "tw2s")
    let traditional = localized.traditional.replacingOccurrences(of: "简体", with: "")
    let simplified = localized.simplified.replacingOccurrences(of: "繁體", with: "")
    XCTAssertEqual(try toTraditional.convert(traditional), traditional, "\(what) is Traditional")
    XCTAssertEqual(try toSimplified.convert(simplified), simplified, "\(what) is Simplified")
  }

  func testEveryMessageRendersInAllThreeLanguagesEachChineseInItsScript() throws {
    XCTAssertEqual(Set(samples.map(kind)), Set(0..<Self.kinds), "a sample of every message")
    for message in samples {
      let english = message.text(in: .english)
      let traditional = message.text(in: .traditionalChinese)
      let simplified = message.text(in: .simplifiedChinese)
      for text in [english, traditional, simplified] { XCTAssertFalse(text.isEmpty, "\(message)") }
      switch message {
      case .count, .colonPrompt, .verbatim:
        XCTAssertEqual(traditional, english)
      default:
        XCTAssertTrue(hasHan(traditional), "\(message): \(traditional)")
        XCTAssertTrue(hasHan(simplified), "\(message): \(simplified)")
        XCTAssertNotEqual(traditional, english)
      }
      try assertScripts((traditional, simplified), "\(message)")
    }
  }

  func testEveryKeyDescriptionHasBothChineseRenderings() throws {
    for binding in Keymap.bindings {
      let traditional = KeyHelp.text(for: binding, in: .traditionalChinese)
      let simplified = KeyHelp.text(for: binding, in: .simplifiedChinese)
      XCTAssertTrue(hasHan(traditional), "\(binding.command) in \(binding.context): \(traditional)")
      XCTAssertTrue(hasHan(simplified), "\(binding.command) in \(binding.context): \(simplified)")
      XCTAssertEqual(KeyHelp.text(for: binding, in: .english), binding.help)
      try assertScripts((traditional, simplified), "\(binding.command)")
    }
    for group in HelpGroup.allCases {
      let heading = InterfaceText.helpGroup(group)
      try assertScripts(
        (heading.text(in: .traditionalChinese), heading.text(in: .simplifiedChinese)), "\(group)")
    }
  }

  func testTaiwanAndMainlandVocabulary() {
    let search = Keymap.bindings.first { $0.command == .startSearch }!
    XCTAssertTrue(KeyHelp.text(for: search, in: .traditionalChinese).contains("搜尋"))
    XCTAssertTrue(KeyHelp.text(for: search, in: .simplifiedChinese).contains("搜索"))
    XCTAssertTrue(InterfaceText.helpTitle.text(in: .traditionalChinese).contains("說明"))
    XCTAssertTrue(InterfaceText.helpTitle.text(in: .simplifiedChinese).contains("帮助"))
    XCTAssertTrue(Message.cannotReload(.missing).text(in: .traditionalChinese).contains("檔案"))
    XCTAssertTrue(Message.cannotReload(.missing).text(in: .simplifiedChinese).contains("文件"))
    XCTAssertTrue(Message.codeLinesWrapHint.text(in: .traditionalChinese).contains("程式碼"))
    XCTAssertTrue(Message.codeLinesWrapHint.text(in: .simplifiedChinese).contains("代码"))
  }

  func testTheLocaleChoosesTheLanguage() {
    let cases: [([String: String], InterfaceLanguage)] = [
      (["LANG": "zh_TW.UTF-8"], .traditionalChinese), (["LANG": "zh_HK.UTF-8"], .traditionalChinese),
      (["LANG": "zh_MO"], .traditionalChinese), (["LC_ALL": "zh_Hant_TW.UTF-8"], .traditionalChinese),
      (["LANG": "zh_CN.UTF-8"], .simplifiedChinese), (["LANG": "zh_SG.GB2312"], .simplifiedChinese),
      (["LANG": "zh"], .simplifiedChinese), (["LANG": "en_US.UTF-8"], .english), (["LANG": "C"], .english),
      ([:], .english), (["LANG": "ja_JP.UTF-8"], .english),
      (["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], .traditionalChinese),
      (["LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_TW.UTF-8"], .simplifiedChinese),
      (["LC_ALL": "en_GB.UTF-8", "LANG": "zh_TW.UTF-8"], .english),
    ]
    for (environment, expected) in cases {
      XCTAssertEqual(InterfaceLanguage.fromEnvironment { environment[$0] }, expected, "\(environment)")
    }
    XCTAssertEqual(InterfaceLanguage(argument: "zh-Hant"), .traditionalChinese)
    XCTAssertEqual(InterfaceLanguage(argument: "zh-hans"), .simplifiedChinese)
    XCTAssertEqual(InterfaceLanguage(argument: "en"), .english)
    XCTAssertNil(InterfaceLanguage(argument: "auto"))
    XCTAssertNil(InterfaceLanguage(argument: "klingon"))
  }

  private func screen(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }
  }

  func testTheStatusLineAndNotesSpeakTheInterfaceLanguage() {
    let size = TerminalSize(width: 80, height: 24)
    let english = ReaderState(document: Fixtures.article, size: size)
    let traditional = ReaderState(document: Fixtures.article, size: size, language: .traditionalChinese)
    let simplified = ReaderState(document: Fixtures.article, size: size, language: .simplifiedChinese)
    XCTAssertTrue(screen(english)[23].hasSuffix("Original  0%  outline "), screen(english)[23])
    XCTAssertTrue(screen(traditional)[23].hasSuffix("原文  0%  目錄 "), screen(traditional)[23])
    XCTAssertTrue(screen(simplified)[23].hasSuffix("原文  0%  目录 "), screen(simplified)[23])
    let reloading = Reducer.reduce(traditional, .key(.character("r")))
    XCTAssertEqual(reloading.message, "重新載入中…")
    XCTAssertTrue(screen(reloading)[23].contains("重新載入中…"))
    XCTAssertEqual(Reducer.reduce(simplified, .key(.character("r"))).message, "正在重新加载…")
    let unbound = Reducer.reduce(simplified, .key(.character("Z")))
    XCTAssertEqual(unbound.message, "Z 键在这里没有作用：按 ? 查看帮助")
    let body = Reducer.reduce(traditional, .key(.tab))
    XCTAssertTrue(screen(body)[23].hasSuffix("正文 "), screen(body)[23])
    let linked = Reducer.reduce(traditional, .command(.goBack))
    XCTAssertEqual(linked.message, "沒有可以返回的位置")
  }

  func testTheHelpSpeaksTheInterfaceLanguage() {
    let size = TerminalSize(width: 80, height: 24)
    let traditional = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: size, language: .traditionalChinese),
      .key(.character("?")))
    let rows = screen(traditional)
    XCTAssertTrue(rows.contains { $0.contains("說明 · ↑↓ PgDn 捲動 · q 關閉") }, rows.joined(separator: "\n"))
    XCTAssertTrue(rows.contains { $0.contains("移動") })
    XCTAssertTrue(rows.contains { $0.contains("第 1–") && $0.contains("行，共") })
    let simplified = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: size, language: .simplifiedChinese), .key(.character("?"))
    )
    XCTAssertTrue(screen(simplified).contains { $0.contains("帮助 · ↑↓ PgDn 滚动 · q 关闭") })
    XCTAssertTrue(screen(simplified).contains { $0.contains("移动") })
  }

  func testHelpSnapshots() {
    let sizes = [(80, 24), (40, 12), (120, 40)]
    for (width, height) in sizes {
      for language in InterfaceLanguage.allCases where language == .english || width == 80 {
        let state = Reducer.reduce(
          ReaderState(
            document: Fixtures.article, size: TerminalSize(width: width, height: height), language: language),
          .key(.character("?")))
        let first = FrameRenderer.render(state).description
        let last = FrameRenderer.render(Reducer.reduce(state, .key(.character("G")))).description
        assertSnapshot(
          first + "\n\n" + last, named: "help-\(language.rawValue)-\(width)x\(height)")
      }
    }
  }
}

extension InterfaceLanguageTests {
  func testWhatDecodingAndReadingABookReplacedIsToldInTheInterfaceLanguage() {
    var document = Fixtures.article
    document.notice = SourceDecoder.decode([0x41, 0xFF, 0xFF, 0xFF, 0x00]).notice
    let size = TerminalSize(width: 100, height: 30)
    XCTAssertEqual(
      ReaderState(document: document, size: size).message,
      "3 invalid bytes replaced, 1 NUL character replaced")
    XCTAssertEqual(
      ReaderState(document: document, size: size, language: .traditionalChinese).message,
      "已替換 3 個無效位元組，已替換 1 個 NUL 字元")
    XCTAssertEqual(
      ReaderState(document: document, size: size, language: .simplifiedChinese).message,
      "已替换 3 个无效字节，已替换 1 个 NUL 字符")
    let book = Message.bookDamage(unreadableChapters: 1, stoppedAt: "OEBPS/bomb.xhtml")
    XCTAssertEqual(
      book.text(in: .english), "1 chapter could not be read; stopped at OEBPS/bomb.xhtml: too large")
    XCTAssertEqual(book.text(in: .traditionalChinese), "有 1 章無法讀取；讀到 OEBPS/bomb.xhtml 時停止：內容太大")
  }
}
