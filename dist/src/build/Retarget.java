import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build tool (run by {@code release.sh retarget} with the JDK's source launcher, JDK 24+): copies
 * a jar, rewriting each class file older than Java 6 (major version 50) as a Java 8 class file
 * (major 52) with StackMapTable frames computed by the JDK's Class-File API
 * ({@code java.lang.classfile}). The code, constants and every other attribute are unchanged.
 *
 * <p>Why: class-data sharing and the AOT cache skip class files older than major version 50, which
 * need the old type-inferring verifier (JDK-8230413); picocli 4.7's jar is built for Java 5, so
 * without this every strata command loads, verifies and links picocli's 180 classes from the jar
 * at each start (docs/performance.md). Entries keep their order, names and times, so the result is
 * the same bytes on every build.
 *
 * <pre>java Retarget.java IN.jar OUT.jar</pre>
 */
public final class Retarget {
  private static final int STACK_MAPS_SINCE = 50;

  private Retarget() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java Retarget.java IN.jar OUT.jar");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    try (URLClassLoader own = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
        JarFile jar = new JarFile(in.toFile());
        JarOutputStream target = new JarOutputStream(Files.newOutputStream(out))) {
      // frames need the common superclass of two types: the JDK's own, else the jar's classes
      ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(own))));
      int rewritten = 0;
      for (JarEntry entry : Collections.list(jar.entries())) {
        byte[] bytes = jar.getInputStream(entry).readAllBytes();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          ClassModel model = classFile.parse(bytes);
          if (model.majorVersion() < STACK_MAPS_SINCE) {
            bytes = classFile.transformClass(model,
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> builder.with(element instanceof ClassFileVersion
                        ? ClassFileVersion.of(52, 0) : element)));
            rewritten++;
          }
        }
        JarEntry copy = new JarEntry(entry.getName());
        copy.setTime(entry.getTime());
        target.putNextEntry(copy);
        target.write(bytes);
        target.closeEntry();
      }
      System.out.println("Retarget: " + in.getFileName() + ": " + rewritten
          + " class files rewritten as Java 8 class files with stack maps");
    }
  }
}
