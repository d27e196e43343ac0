package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Each reuse rule of TVM's token allocator (rules §4.3.1; {@code TokenAllocatorMixed::RequestReuse}), on hand-made
 * pools. Expected token choices and totals are worked out by hand in the comments.
 */
class TokenAllocatorTest {

    @Test
    void ruleOneTakesTheSmallestFitEarliestReleasedAmongEquals() {
        TokenAllocator pool = new TokenAllocator();
        int first = pool.request(100);
        int second = pool.request(100);
        int big = pool.request(300);
        pool.release(big);
        pool.release(first);
        pool.release(second);
        // free, by size then release order: first(100), second(100), big(300); 90 fits [90, 1440]
        assertEquals(first, pool.request(90));
        assertEquals(second, pool.request(100));
        assertEquals(big, pool.request(100));
        assertEquals(500, pool.totalBytes()); // no token grew: 100 + 100 + 300
    }

    @Test
    void ruleOneTakesALargerTokenBeforeASmallerOne() {
        TokenAllocator pool = new TokenAllocator();
        int small = pool.request(60);
        int large = pool.request(200);
        pool.release(small);
        pool.release(large);
        assertEquals(large, pool.request(100)); // 200 ∈ [100, 1600] wins over enlarging 60
        assertEquals(260, pool.totalBytes());
    }

    @Test
    void ruleOneStopsAtSixteenTimesTheRequest() {
        TokenAllocator pool = new TokenAllocator();
        int exact = pool.request(1600);
        pool.release(exact);
        assertEquals(exact, pool.request(100)); // 1600 = 16·100 is still in range
        int tooBig = pool.request(1601);
        pool.release(tooBig);
        int fresh = pool.request(100); // 1601 > 1600, nothing smaller: a new token
        assertNotEquals(tooBig, fresh);
        assertEquals(1600 + 1601 + 100, pool.totalBytes());
    }

    @Test
    void ruleTwoEnlargesTheLargestSmallerTokenLatestReleasedAmongEquals() {
        TokenAllocator pool = new TokenAllocator();
        int a = pool.request(50);
        int b = pool.request(50);
        int tiny = pool.request(10);
        pool.release(a);
        pool.release(b);
        pool.release(tiny);
        // free: tiny(10), a(50), b(50); nothing ≥ 100, so the largest in [6, 100): b, released after a
        assertEquals(b, pool.request(100));
        assertEquals(10 + 50 + 100, pool.totalBytes()); // b grew from 50 to 100
        assertEquals(a, pool.request(60)); // a enlarged next
        assertEquals(10 + 60 + 100, pool.totalBytes());
    }

    @Test
    void ruleTwoStopsAtASixteenthOfTheRequest() {
        TokenAllocator pool = new TokenAllocator();
        int five = pool.request(5);
        pool.release(five);
        assertNotEquals(five, pool.request(100)); // ⌊100/16⌋ = 6 > 5: a new token
        TokenAllocator other = new TokenAllocator();
        int six = other.request(6);
        other.release(six);
        assertEquals(six, other.request(100)); // 6 ≥ ⌊100/16⌋: enlarged to 100
        assertEquals(100, other.totalBytes());
    }
}
