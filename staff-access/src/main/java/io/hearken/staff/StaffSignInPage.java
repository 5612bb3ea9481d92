package io.hearken.staff;

/**
 * Declared by the deployable that draws its own sign-in page at {@code /login} (the desk). Without one, the
 * deployable serves Spring Security's plain page there (useful when it runs alone); behind the proxy
 * {@code /login} goes to the desk anyway. A deployable with its own page keeps an HTTP session (the forms'
 * CSRF tokens live there); the others keep none and know the person from the sign-in cookie on every request.
 *
 * @param home where a person lands after signing in when no page asked for it
 */
public record StaffSignInPage(String home) {
}
