/// The single source of truth for key bindings: dispatch and the help screen both read it.
public enum Keymap {
  public static let bindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], .lineUp, "previous heading (outline) / scroll up a line (body)"),
    KeyBinding([.down, .character("j")], .lineDown, "next heading (outline) / scroll down a line (body)"),
    KeyBinding([.pageUp, .character("b")], .pageUp, "page up"),
    KeyBinding([.pageDown, .character(" ")], .pageDown, "page down"),
    KeyBinding([.home, .character("g")], .top, "first heading / top of the document; Ng: the Nth heading"),
    KeyBinding([.end, .character("G")], .bottom, "last heading / end of the document"),
    KeyBinding([.control("u")], .halfPageUp, "half a page up"),
    KeyBinding([.control("d")], .halfPageDown, "half a page down"),
    KeyBinding([.character("[")], .previousHeading, "previous heading (上一節)"),
    KeyBinding([.character("]")], .nextHeading, "next heading (下一節)"),
    KeyBinding([.character("o")], .toggleOutline, "hide / show the outline (目錄)"),
    KeyBinding([.character("<")], .narrowOutline, "narrow the outline (its share of the width)"),
    KeyBinding([.character(">")], .widenOutline, "widen the outline (its share of the width)"),
    KeyBinding([.character("z")], .foldPrefix, "z + key: fold the outline (z1–z9 levels, z0 all, za branch)"),
    KeyBinding([.character("&")], .filterOutline, "filter the outline by title (as less &); Esc clears"),
    KeyBinding(
      (0...9).map { .character(Character(String($0))) }, .countDigit,
      "a count: 5j repeats a movement, 50% and 12g jump"),
    KeyBinding([.enter], .focusBody, "read the selected section / follow the selected link (body)"),
    KeyBinding([.tab, .backTab], .switchFocus, "switch between outline and body"),
    KeyBinding([.character("t")], .cycleScript, "script: original → 繁體 Traditional → 简体 Simplified"),
    KeyBinding(
      [.character("V")], .toggleVocabulary, "localise vocabulary, quotes (軟體, 「」)"),
    KeyBinding([.character("f")], .nextFaction, "faction summary (派系); again: next faction"),
    KeyBinding([.character("F")], .openFactions, "faction panel: names, summaries, mentions"),
    KeyBinding([.character("M")], .nextMention, "next mention of the chosen faction"),
    KeyBinding([.character("m")], .setMark, "m + letter: mark this place (書籤, remembered)"),
    KeyBinding([.character("'")], .jumpToMark, "' + letter: go to the mark; '' back to before the last jump"),
    KeyBinding(
      [.character("%"), .character("p")], .percentJump, "N% or Np: go N percent into the document (50%)"),
    KeyBinding([.character("/")], .startSearch, "search, ignoring 繁/简, and case unless a capital is typed"),
    KeyBinding([.character("n")], .nextMatch, "next match of the last search"),
    KeyBinding([.character("N")], .previousMatch, "previous match"),
    KeyBinding([.escape], .clearHighlights, "clear the search and faction highlights"),
    KeyBinding([.character("S")], .toggleCodeWrap, "long code lines: wrapped (↪) / chopped (less -S)"),
    KeyBinding([.left], .scrollLeft, "chopped code lines: scroll the body left"),
    KeyBinding([.right], .scrollRight, "chopped code lines: scroll the body right"),
    KeyBinding([.character("l")], .nextLink, "select the next link or footnote on screen (連結)"),
    KeyBinding([.character("L")], .previousLink, "select the previous link or footnote"),
    KeyBinding([.backspace, .character("H")], .goBack, "go back to where the last followed link was (返回)"),
    KeyBinding([.character("y")], .copyLink, "copy the selected link's address to the clipboard (OSC 52)"),
    KeyBinding([.character("r")], .reload, "reload the file from disk (重新載入)"),
    KeyBinding([.character(":")], .colonCommand, ":n / :p next / previous document (as in less)"),
    KeyBinding([.character("B")], .openShelf, "the shelf (書架), or the folder this document came from"),
    KeyBinding([.character("?")], .showHelp, "this help (說明)"),
    KeyBinding([.control("z")], .suspend, "suspend to the shell (fg comes back)"),
    KeyBinding([.control("c")], .interrupt, "interrupt: quit at once"),
    KeyBinding([.character("q")], .quit, "quit"),
    KeyBinding([.up, .character("k")], .panelUp, "previous faction", in: .factionPanel),
    KeyBinding([.down, .character("j")], .panelDown, "next faction", in: .factionPanel),
    KeyBinding([.enter], .panelChoose, "jump to the faction's summary item", in: .factionPanel),
    KeyBinding(
      [.character("M"), .character("m")], .panelMentions, "step through the faction's mentions",
      in: .factionPanel),
    KeyBinding([.escape, .character("F")], .closePanel, "close the panel", in: .factionPanel),
    KeyBinding([.character("q")], .quit, "quit", in: .factionPanel),
    KeyBinding([.character("n")], .nextDocument, "next document", in: .colonCommand),
    KeyBinding([.character("p")], .previousDocument, "previous document", in: .colonCommand),
    KeyBinding([.enter], .chooseDocument, "open", in: .shelf),
    KeyBinding([.character("d")], .forgetDocument, "forget", in: .shelf),
    KeyBinding([.character("q"), .escape], .quit, "quit", in: .shelf),
    KeyBinding([.character("/")], .startSearch, "filter", in: .shelf),
    KeyBinding([.character("B")], .openShelf, "the shelf", in: .shelf),
    KeyBinding([.enter], .submitSearch, "go to the match; empty: the last search again", in: .searchPrompt),
    KeyBinding([.escape, .control("c")], .cancelSearch, "cancel: back to where you were", in: .searchPrompt),
    KeyBinding(
      [.backspace, .delete, .control("w"), .control("u")], .deleteSearchText,
      "delete before / under the cursor; the word / all to the left", in: .searchPrompt),
    KeyBinding(
      [.left, .right, .home, .end, .control("a"), .control("e")], .moveSearchCursor,
      "move the cursor; to the start / end", in: .searchPrompt),
    KeyBinding([.up, .down], .recallSearch, "earlier / later searches (history)", in: .searchPrompt),
    KeyBinding([.control("r")], .toggleSearchRegex, "regular expression on / off (/re:)", in: .searchPrompt),
    KeyBinding(
      (1...9).map { .character(Character(String($0))) }, .foldToLevel, "list the outline down to level N",
      in: .fold),
    KeyBinding([.character("0")], .unfoldAll, "list every level", in: .fold),
    KeyBinding([.character("a")], .toggleBranch, "fold / unfold the selected heading's branch", in: .fold),
    KeyBinding([.enter], .submitFilter, "keep the filter, read the selected section", in: .outlineFilter),
    KeyBinding([.escape], .cancelFilter, "clear the filter", in: .outlineFilter),
    KeyBinding(
      [.backspace, .delete], .deleteFilterCharacter, "delete the last character", in: .outlineFilter),
    KeyBinding([.up], .lineUp, "previous heading listed", in: .outlineFilter),
    KeyBinding([.down], .lineDown, "next heading listed", in: .outlineFilter),
    KeyBinding([.up, .character("k")], .lineUp, "scroll up a line", in: .help),
    KeyBinding([.down, .character("j")], .lineDown, "scroll down a line", in: .help),
    KeyBinding([.pageUp, .character("b")], .pageUp, "page up", in: .help),
    KeyBinding([.pageDown, .character(" ")], .pageDown, "page down", in: .help),
    KeyBinding([.home, .character("g")], .top, "the start of the help", in: .help),
    KeyBinding([.end, .character("G")], .bottom, "the end of the help", in: .help),
    KeyBinding([.character("q"), .escape, .character("?")], .closePanel, "close the help", in: .help),
  ]

  private static let tables: [KeyContext: [Key: Command]] = {
    var tables: [KeyContext: [Key: Command]] = [:]
    for binding in bindings {
      for key in binding.keys { tables[binding.context, default: [:]][key] = binding.command }
    }
    return tables
  }()

  /// The command bound to `key` where it is pressed, if any.
  public static func command(for key: Key, in context: KeyContext = .reader) -> Command? {
    tables[context]?[key]
  }
}
