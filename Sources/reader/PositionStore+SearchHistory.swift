import FoundationEssentials
import ReaderCore

/// The search history is kept with the reading positions: one file for all documents, as less
/// keeps one history file, capped at `SearchHistory.capacity` patterns.
extension PositionStore {
  /// The history's file in the store's directory; the shelf skips it (it is no document's entry).
  static let searchHistoryFileName = "search-history.json"

  private struct SearchHistoryFile: Codable {
    var version: Int
    var patterns: [SearchPattern]
  }

  /// The patterns searched for before, oldest first; none when the file is missing or not ours.
  func loadSearchHistory() -> [SearchPattern] {
    guard let data = Self.readSmallFile(directory + "/" + Self.searchHistoryFileName),
      let file = try? JSONDecoder().decode(SearchHistoryFile.self, from: Data(data)), file.version == 1
    else { return [] }
    return SearchHistory(entries: file.patterns).entries
  }

  /// Saves `history`: what this session searched for becomes the newest, after what the file holds
  /// now (another reader may have saved since this one loaded it).
  func saveSearchHistory(_ history: SearchHistory) throws {
    guard !history.added.isEmpty else { return }
    let file = SearchHistoryFile(version: 1, patterns: history.merged(into: loadSearchHistory()))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try writeAtomically(try encoder.encode(file), named: Self.searchHistoryFileName)
  }
}
