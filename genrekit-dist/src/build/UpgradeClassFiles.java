import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution (run by assemble.sh as a single-file program). The JVM's AOT cache
 * cannot hold classes older than Java 6 (class-file version below 50, which have no stack maps):
 * picocli 4.7 is compiled for Java 5, so its ~170 classes were loaded and verified from the jar at
 * every start. This re-emits such classes as version 52 with stack maps computed by the JDK's
 * ClassFile API; the instructions are unchanged. For each JAR that has such classes (and is not
 * signed), OUT/NAME is written with the source's modification time; other JARs are left alone.
 * Usage: java UpgradeClassFiles.java OUT JAR...
 */
public final class UpgradeClassFiles {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            boolean old = false;
            boolean signed = false;
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (ZipEntry e : Collections.list(z.entries())) {
                    if (e.isDirectory()) continue;
                    String n = e.getName();
                    if (n.startsWith("META-INF/") && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"))) signed = true;
                    byte[] b;
                    try (var in = z.getInputStream(e)) {
                        b = in.readAllBytes();
                    }
                    entries.put(n, b);
                    if (n.endsWith(".class") && b.length > 8 && (((b[6] & 0xff) << 8) | (b[7] & 0xff)) < 50) old = true;
                }
            }
            if (!old || signed) continue;
            ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing(d -> {
                String s = d.descriptorString();
                byte[] b = entries.get(s.substring(1, s.length() - 1) + ".class");
                return b == null ? null : new ByteArrayInputStream(b);
            }).orElse(ClassHierarchyResolver.defaultResolver());
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver), ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            ClassTransform upgrade = ClassTransform.dropping(e -> e instanceof ClassFileVersion)
                    .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL))
                    .andThen(ClassTransform.endHandler(cb -> cb.withVersion(52, 0)));
            int upgraded = 0;
            int kept = 0;
            Path tmp = out.resolve(jar.getFileName() + ".tmp");
            try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    byte[] b = e.getValue();
                    if (e.getKey().endsWith(".class") && b.length > 8 && (((b[6] & 0xff) << 8) | (b[7] & 0xff)) < 50) {
                        try {
                            ClassModel m = cf.parse(b);
                            b = cf.transformClass(m, upgrade);
                            upgraded++;
                        } catch (RuntimeException ex) {
                            kept++; // stays as it was: loaded from the jar, outside the cache
                        }
                    }
                    zo.putNextEntry(new ZipEntry(e.getKey()));
                    zo.write(b);
                    zo.closeEntry();
                }
            }
            Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(jar));
            Files.move(tmp, out.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("assemble.sh: " + jar.getFileName() + ": " + upgraded + " classes re-emitted as class-file version 52 for the AOT cache"
                    + (kept > 0 ? ", " + kept + " left as they were" : ""));
        }
    }
}
