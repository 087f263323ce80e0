package io.wirestream.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that exercises only the container stack: it is skipped, with a message
 * saying why, unless {@value DevStackMode#PROPERTY}{@code =containers} is set and Docker is reachable.
 * Combine with {@code @ExtendWith(DevStackExtension.class)} to receive the {@link ContainerKafkaStack}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresContainerStackCondition.class)
public @interface RequiresContainerStack {
}
