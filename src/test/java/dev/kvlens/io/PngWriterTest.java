package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our RGB encoder against an independent decoder (ImageIO's): every pixel must come back unchanged. */
class PngWriterTest {

    @Test
    void rgbImagesDecodeToTheSamePixels(@TempDir Path dir) throws Exception {
        Random random = new Random(42);
        for (int[] size : new int[][] {{1, 1}, {37, 23}, {640, 3}, {3, 480}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    // flat runs (chart-like) broken by random noise, including the extremes 0x000000 / 0xFFFFFF
                    int rgb = random.nextInt(4) == 0 ? random.nextInt(1 << 24) : (x / 5 % 2 == 0 ? 0xFFFFFF : 0x000000);
                    image.setRGB(x, y, rgb);
                }
            }
            Path file = dir.resolve("img-" + size[0] + "x" + size[1] + ".png");
            PngWriter.write(image, file);
            BufferedImage back = ImageIO.read(file.toFile());
            assertThat(back.getWidth()).isEqualTo(size[0]);
            assertThat(back.getHeight()).isEqualTo(size[1]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                            .isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
    }

    @Test
    void subImagesAndAlphaImagesStillWriteCorrectly(@TempDir Path dir) throws Exception {
        BufferedImage big = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                big.setRGB(x, y, (x * 12) << 16 | (y * 12) << 8 | 0x40);
            }
        }
        BufferedImage part = big.getSubimage(5, 7, 10, 6);
        Path file = dir.resolve("part.png");
        PngWriter.write(part, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getRGB(0, 0) & 0xFFFFFF).isEqualTo(big.getRGB(5, 7) & 0xFFFFFF);
        assertThat(back.getRGB(9, 5) & 0xFFFFFF).isEqualTo(big.getRGB(14, 12) & 0xFFFFFF);

        BufferedImage alpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(1, 2, 0x80123456);
        PngWriter.write(alpha, dir.resolve("alpha.png"));
        assertThat(ImageIO.read(dir.resolve("alpha.png").toFile()).getRGB(1, 2)).isEqualTo(0x80123456);
    }
}
