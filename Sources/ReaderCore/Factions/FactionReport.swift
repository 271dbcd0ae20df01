/// The factions of a document as plain text, for `reader --factions`: names, summaries, mentions.
public enum FactionReport {
  /// The line printed for a document without a faction summary.
  public static let noFactions = "no faction summary in this document"

  /// The report for `document`, every line ending in a newline, safe to write to a terminal.
  public static func text(of document: Document) -> String {
    guard let summary = FactionSummary.find(in: document) else { return noFactions + "\n" }
    let outline = document.outline
    let leaves = LeafText.leaves(of: document)
    let count = summary.factions.count
    var lines = [
      "faction summary in " + sectionName(summary.sectionIndex(in: outline), outline: outline) + ": "
        + "\(count) faction" + (count == 1 ? "" : "s")
    ]
    for faction in summary.factions {
      let mentions = MentionFinder.mentions(of: faction.nameForms, in: leaves, outline: outline)
      lines.append("")
      lines.append(clean(faction.name) + " (" + clean(faction.label) + ")")
      lines.append("  summary: " + clean(faction.summary))
      lines.append("  mentions: \(mentions.count)")
      for (section, sectionCount) in countsBySection(mentions) {
        lines.append("    \(sectionCount) in " + sectionName(section, outline: outline))
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// Mention counts per section, in reading order.
  static func countsBySection(_ mentions: [Mention]) -> [(section: Int?, count: Int)] {
    var result: [(section: Int?, count: Int)] = []
    for mention in mentions {
      if let last = result.indices.last, result[last].section == mention.section {
        result[last].count += 1
      } else {
        result.append((mention.section, 1))
      }
    }
    return result
  }

  private static func sectionName(_ index: Int?, outline: Outline) -> String {
    guard let index else { return "the preface" }
    return "「" + clean(outline[index].title) + "」"
  }

  /// One line of visible text: line breaks become spaces, controls become visible pictures.
  private static func clean(_ text: String) -> String {
    VisibleText.sanitize(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "))
  }
}
