package indexes_test

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
)

func ExampleParse() {
	set, err := indexes.Parse("0,2-4,9", 10)
	fmt.Println(set.Len(), set.Has(3), set.Has(5), err)

	_, err = indexes.Parse("1,3-2", 10)
	fmt.Println(err)
	fmt.Println(err.(*indexes.ParseError).Reason())
	// Output:
	// 5 true false <nil>
	// interval 3-2 is not increasing at offset 2
	// non-increasing order, previous: 3, current: 2
}

func ExampleSet_String() {
	set := indexes.FromSlice([]int{7, 1, 3, 4, 5, 8})
	fmt.Println(set)
	fmt.Println(set.Add(2, 6))
	// Output:
	// 1,3-5,7,8
	// 1-8
}

func ExampleSet_IntersectLen() {
	// A success policy rule {succeededIndexes: "1-4", succeededCount: 3} is met when three
	// of indexes 1 to 4 have succeeded.
	rule := indexes.MustParse("1-4")
	succeeded := indexes.MustParse("1,3,5")
	fmt.Println(rule.IntersectLen(succeeded) >= 3)
	succeeded = succeeded.Add(4)
	fmt.Println(rule.IntersectLen(succeeded) >= 3)
	// Output:
	// false
	// true
}

func ExampleParseIntervals() {
	// The controller keeps what hand-edited status says, disorder and overlaps included.
	read := indexes.ParseIntervals("3,1,2-6,x,12", 10)
	fmt.Println(read, read.Total())
	fmt.Println(read.Set())
	// Output:
	// 3,1-6 7
	// 1-6
}
