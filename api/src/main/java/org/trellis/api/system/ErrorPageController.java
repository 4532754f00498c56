package org.trellis.api.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code server.error.path}): whatever ends in the container's error handling (a
 * {@code sendError} anywhere, a request the firewall rejects, an exception escaping a filter) is answered here
 * through {@link ErrorResponses}, in the format of the path that failed. Replaces Boot's whitelabel controller.
 */
@RestController
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly, the error page is just a path that does not exist.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : 404;
        if (status >= 500) {
            log.error(
                    "Unhandled failure on {} {}",
                    request.getMethod(),
                    ErrorResponses.path(request),
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        ErrorResponses.write(request, response, status, null, null);
    }
}
