import Testing
@testable import SendQLCore

/// Concatenation (what `append` does) and picking (what `if`, `case` and `??` do), typed buffer by
/// typed buffer: the values and nulls must be exactly those of a value-by-value reading.
struct ColumnCombinationTests {
    static func strings(_ values: [String?], dictionary: [String]) -> Column {
        let dict = StringDictionary(dictionary)
        let codes = values.map { value in value.flatMap { dict.code(of: $0) } ?? 0 }
        return Column(.string(codes: codes, dictionary: dict), validity: Bitmap(values.map { $0 != nil }))
    }

    @Test func concatenatingStringsWithTheirOwnDictionariesKeepsEveryValue() {
        // The first dictionary is the largest, so it is kept whole; the other's values join it as used.
        let shared = Self.strings(["b", nil, "a"], dictionary: ["a", "b", "unused", "kept", "too"])
        let other = Self.strings(["c", "a", nil], dictionary: ["c", "a", "x", "y"])
        let sameAsFirst = Self.strings(["unused"], dictionary: ["a", "b", "unused", "kept", "too"])
        let result = Column.concatenating([shared, other, sameAsFirst, other])
        #expect(
            (0..<result.count).map { result[$0] } == [
                .string("b"), .null, .string("a"), .string("c"), .string("a"), .null, .string("unused"),
                .string("c"), .string("a"), .null,
            ])
        // Only values some row uses join the dictionary: "x" and "y" do not.
        guard case .string(_, let dictionary) = result.storage else { Issue.record("not a string column"); return }
        #expect(dictionary.values == ["a", "b", "unused", "kept", "too", "c"])
    }

    @Test func concatenatingNumbersAndDatesKeepsNulls() {
        let a = Column(.int([1, 2]), validity: Bitmap([true, false]))
        let b = Column(.int([3]))
        #expect((0..<3).map { Column.concatenating([a, b])[$0] } == [.int(1), .null, .int(3)])
        #expect(Column.concatenating([b, b]).validity == nil)
        let days = Column.concatenating([Column(.date([10])), Column(.date([20]), validity: Bitmap([false]))])
        #expect([days[0], days[1]] == [.date(10), .null])
    }

    @Test func pickingTakesEachRowFromItsSourceAndNullWhereNone() {
        let first = Self.strings(["a", nil, "a", "a"], dictionary: ["a"])
        let second = Self.strings(["z", "z", nil, "q"], dictionary: ["q", "z"])
        let picked = Column.picking([0, 1, 1, -1], from: [first, second], type: .string)
        #expect((0..<4).map { picked[$0] } == [.string("a"), .string("z"), .null, .null])
        let ints = Column.picking(
            [1, 0, -1],
            from: [Column(.int([1, 2, 3])), Column(.int([7, 8, 9]), validity: Bitmap([true, false, true]))],
            type: .int)
        #expect((0..<3).map { ints[$0] } == [.int(7), .int(2), .null])
    }
}
