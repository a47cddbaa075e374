import Testing
@testable import SendQLCore

struct OperatorTests {
    let ints = Column(type: .int, values: [.int(3), .null, .int(1), .int(3), .int(2)])
    let names = Column(type: .string, values: [.string("b"), .string("a"), .null, .string("b"), .string("a")])

    @Test func gatherKeepsNullsAndMakesNullsForMinusOne() {
        let gathered = ints.gather([4, 1, -1, 0])
        #expect((0..<4).map { gathered[$0] } == [.int(2), .null, .null, .int(3)])
    }

    @Test func selectionReadsNullAsFalse() {
        let mask = Column(type: .bool, values: [.bool(true), .null, .bool(false), .bool(true)])
        #expect(mask.selection() == [0, 3])
    }

    @Test func appendMergesStringDictionaries() {
        let other = Column(type: .string, values: [.string("c"), .string("a"), .null])
        let merged = names.appending(other)
        #expect(
            (0..<merged.count).map { merged[$0] } == [
                .string("b"), .string("a"), .null, .string("b"), .string("a"), .string("c"), .string("a"), .null,
            ])
    }

    @Test func sortIsStableWithNullsLastInBothDirections() {
        #expect(SortPermutation.compute([SortColumn(ints)], rowCount: 5) == [2, 4, 0, 3, 1])
        #expect(SortPermutation.compute([SortColumn(ints, descending: true)], rowCount: 5) == [0, 3, 4, 2, 1])
        #expect(
            SortPermutation.compute([SortColumn(names), SortColumn(ints, descending: true)], rowCount: 5) == [
                4, 1, 0, 3, 2,
            ])
    }

    @Test func sortsDoublesAndStringsByValueNotCode() {
        let doubles = Column(
            type: .double, values: [.double(2.5), .double(-1), .double(0), .double(-0.0), .double(10)])
        #expect(SortPermutation.compute([SortColumn(doubles)], rowCount: 5) == [1, 2, 3, 0, 4])
        let words = Column(type: .string, values: [.string("pear"), .string("apple"), .string("fig")])
        #expect(SortPermutation.compute([SortColumn(words)], rowCount: 3) == [1, 2, 0])
    }

    @Test func keyEncodingGroupsEqualKeysInFirstAppearanceOrderWithNullAsAKey() {
        let encoding = KeyEncoder.encode([ints])
        #expect(encoding.codes == [0, 1, 2, 0, 3])
        #expect(encoding.cardinality == 4)
        #expect(encoding.firstRows == [0, 1, 2, 4])
        let composite = KeyEncoder.encode([names, ints])
        #expect(composite.codes == [0, 1, 2, 0, 3])
        #expect(composite.nullRows?[1] == true && composite.nullRows?[2] == true && composite.nullRows?[0] == false)
    }

    @Test func keyEncodingCombinesManyDistinctKeysThroughTheHashPath() {
        let n = 5000
        let a = Column(type: .int, values: (0..<n).map { .int(Int64($0 % 2500)) })
        let b = Column(type: .int, values: (0..<n).map { .int(Int64($0 / 2500)) })
        let encoding = KeyEncoder.encode([a, b])
        #expect(encoding.cardinality == 5000)
        let same = KeyEncoder.encode([a, Column(type: .int, values: (0..<n).map { _ in .int(7) })])
        #expect(same.cardinality == 2500)
        #expect(same.codes[2500] == same.codes[0])
    }

    @Test func innerJoinMatchesEqualKeysAndNeverNulls() throws {
        let left = Column(type: .string, values: [.string("p1"), .string("p2"), .null, .string("p3")])
        let right = Column(type: .string, values: [.string("p2"), .string("p1"), .string("p2"), .null])
        let inner = try HashJoin.compute(leftKeys: [left], rightKeys: [right], keepUnmatchedLeft: false)
        #expect(inner == JoinIndices(left: [0, 1, 1], right: [1, 0, 2]))
        let outer = try HashJoin.compute(leftKeys: [left], rightKeys: [right], keepUnmatchedLeft: true)
        #expect(outer == JoinIndices(left: [0, 1, 1, 2, 3], right: [1, 0, 2, -1, -1]))
    }

    @Test func joinRefusesToExplodePastTheLimit() {
        let left = Column(type: .int, values: Array(repeating: .int(1), count: 100))
        #expect(throws: JoinTooLarge.self) {
            try HashJoin.compute(leftKeys: [left], rightKeys: [left], keepUnmatchedLeft: false, rowLimit: 9_999)
        }
    }

    @Test func joinOnDatesAndTwoKeys() throws {
        let leftA = Column(type: .date, values: [.date(10), .date(11)])
        let leftB = Column(type: .int, values: [.int(1), .int(2)])
        let rightA = Column(type: .date, values: [.date(11), .date(10), .date(10)])
        let rightB = Column(type: .int, values: [.int(2), .int(2), .int(1)])
        let result = try HashJoin.compute(
            leftKeys: [leftA, leftB], rightKeys: [rightA, rightB], keepUnmatchedLeft: false)
        #expect(result == JoinIndices(left: [0, 1], right: [2, 0]))
    }
}
