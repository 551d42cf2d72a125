package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void sumsTheGenerationsOfTheSerialCollector() {
        String info = """
                2972:
                 def new generation   total 9792K, used 1234K [0x00000000f0000000, 0x00000000f0aa0000, 0x00000000f5550000)
                  eden space 8704K,  14% used [0x00000000f0000000, 0x00000000f0880000, 0x00000000f0880000)
                  from space 1088K,   0% used [0x00000000f0880000, 0x00000000f0880000, 0x00000000f0990000)
                 tenured generation   total 21888K, used 15000K [0x00000000f5550000, 0x00000000f6aa0000, 0x0000000100000000)
                   the space 21888K,  68% used [0x00000000f5550000, 0x00000000f6aa0000, 0x00000000f6aa0000, 0x00000000f6aa0000)
                 Metaspace       used 50000K, committed 50500K, reserved 1114112K
                  class space    used 6000K, committed 6200K, reserved 1048576K
                """;
        assertEquals((1234 + 15000) * 1024L, HeapSampler.usedBytes(info));
    }

    @Test
    void readsTheG1Heap() {
        String info = """
                12345:
                 garbage-first heap   total 262144K, used 81234K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 50000K, committed 50500K, reserved 1114112K
                """;
        assertEquals(81234 * 1024L, HeapSampler.usedBytes(info));
    }

    @Test
    void anAnswerWithoutAHeapIsMinusOne() {
        assertEquals(-1, HeapSampler.usedBytes("12345:\ncom.sun.tools.attach.AttachNotSupportedException"));
    }
}
