package dev.todobot.todo.auth;

import java.util.function.Function;

import dev.todobot.core.user.AuthService;
import dev.todobot.core.user.SignIn;
import dev.todobot.core.user.SignUp;
import dev.todobot.todo.function.FunctionEndpoints;
import dev.todobot.todo.function.TodoOperation;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Sign-up and sign-in, served at {@code POST /signup} and {@code POST /login}.
 */
@Configuration(proxyBeanMethods = false)
class AuthFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> signup(FunctionEndpoints endpoints, AuthService auth) {
		return endpoints.open(TodoOperation.SIGNUP, SignUp.class, auth::signUp);
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> login(FunctionEndpoints endpoints, AuthService auth) {
		return endpoints.open(TodoOperation.LOGIN, SignIn.class, auth::signIn);
	}

}
